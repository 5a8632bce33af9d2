using System.Runtime.CompilerServices;
using Sessionizer.Core.Visits;
using Sessionizer.Engine.Runs;

namespace Sessionizer.Engine.Tests;

/// <summary>
/// Each window's strings live in that window's vocabulary and die with it: a process that runs
/// windows for days (<c>follow</c>) keeps none of them. Before vocabularies were per run, every page
/// name ever read stayed in a process-wide table.
/// </summary>
public sealed class VocabularyLifetimeTests : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_windows_vocabulary_and_its_page_names_are_collected_once_the_window_is_committed()
    {
        var page = "page only window 10 names " + Guid.NewGuid().ToString("N");
        _sandbox.Input("a.json", $$$"""{"user_id":1,"event_time":"2019-01-28T10:00:00Z","page":{"current":"{{{page}}}"}}""");
        var seen = new SeenVocabulary(page);

        RunWindow(seen);
        Assert.Equal(0, seen.Misses);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(seen.Vocabulary.IsAlive, "the window's vocabulary outlived its run");
        Assert.False(seen.PageName.IsAlive, "the window's page name outlived its run");
    }

    [Fact]
    public void Two_windows_get_two_vocabularies()
    {
        _sandbox.Input("a.json", """{"user_id":1,"event_time":"2019-01-28T10:00:00Z","page":{"current":"home"}}""");
        _sandbox.Input(Sandbox.W.Next, "a.json", """{"user_id":1,"event_time":"2019-01-28T11:00:00Z","page":{"current":"cart"}}""");
        var vocabularies = new List<Vocabulary>();
        var engine = new Watching(work => vocabularies.Add(work.Vocabulary));

        var runner = new WindowRunner(_sandbox.Settings, Sandbox.SilentLog, engine);
        runner.Run(Sandbox.W);
        runner.Run(Sandbox.W.Next, isFirst: false);

        Assert.Equal(2, vocabularies.Count);
        Assert.NotSame(vocabularies[0], vocabularies[1]);
        Assert.Equal("home", vocabularies[0].Intern("home"));
        Assert.Equal(1, vocabularies[0].StringCount);
        Assert.Equal(1, vocabularies[1].StringCount); // "cart" only: nothing of window 10 carried over
    }

    // Not inlined, so no reference to the run's objects stays in this frame's locals.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunWindow(SeenVocabulary seen) =>
        new WindowRunner(_sandbox.Settings, Sandbox.SilentLog, new Watching(seen.Record)).Run(Sandbox.W);

    /// <summary>Weak references to a run's vocabulary and to one string of it.</summary>
    private sealed class SeenVocabulary(string page)
    {
        public WeakReference Vocabulary { get; private set; } = new(null);

        public WeakReference PageName { get; private set; } = new(null);

        public int Misses { get; private set; }

        public void Record(WindowWork work)
        {
            Vocabulary = new WeakReference(work.Vocabulary);
            // The run read the page, so the vocabulary hands back its own instance and adds nothing.
            var count = work.Vocabulary.StringCount;
            var interned = work.Vocabulary.Intern(page.AsSpan());
            Misses += work.Vocabulary.StringCount == count ? 0 : 1;
            PageName = new WeakReference(interned);
        }
    }

    /// <summary>The local engine, showing each window's work to the test after producing it.</summary>
    private sealed class Watching(Action<WindowWork> watch) : WindowEngine
    {
        private readonly LocalEngine _local = new(Sandbox.SilentLog);

        public override string Name => _local.Name;

        public override WindowProduct Produce(WindowWork work, CancellationToken cancel)
        {
            var product = _local.Produce(work, cancel);
            watch(work);
            return product;
        }
    }
}
