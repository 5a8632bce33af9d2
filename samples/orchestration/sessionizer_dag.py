"""Airflow DAG: run Sessionizer once per hour, in order, retrying only what is worth retrying.

- depends_on_past: hour H reads the active sessions committed by H-1, so H waits for H-1.
- max_active_runs=1: one window at a time (a second run of a window would exit 5 anyway).
- Retries only on exit 3 (input not ready: the logs or H-1 are not there yet) and exit 5 (the
  window is locked by another run). Exit 1, 2 and 4 need a person: the task fails at once.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowFailException
from airflow.operators.python import PythonOperator
import subprocess

INPUT_ROOT = "/data/visits"          # visit logs under yyyy/MM/dd/HH/
OUTPUT_ROOT = "/data/sessionizer"    # active-sessions/, closed-sessions/, rejected/, manifests/
RETRYABLE = {3, 5}


def run_window(data_interval_start, **_):
    window = data_interval_start.strftime("%Y-%m-%dT%H")
    code = subprocess.run(
        ["sessionizer", "run", "--window", window,
         "--input", INPUT_ROOT, "--output", OUTPUT_ROOT, "--log-format", "json"],
        check=False,
    ).returncode
    if code == 0:
        return
    if code in RETRYABLE:
        raise RuntimeError(f"sessionizer exited {code} for {window}: retrying later")
    raise AirflowFailException(f"sessionizer exited {code} for {window}: not retried, see the log")


with DAG(
    dag_id="sessionizer",
    start_date=datetime(2026, 11, 20, 10),
    schedule="@hourly",
    catchup=True,
    max_active_runs=1,
    default_args={
        "depends_on_past": True,
        "retries": 12,
        "retry_delay": timedelta(minutes=5),
    },
) as dag:
    # The first window ever needs --no-previous-state; run it once by hand (see README).
    PythonOperator(task_id="sessionize", python_callable=run_window)
