using System.Globalization;
using System.Text;

namespace Sessionizer.Generation;

/// <summary>
/// Draws a new visit's user and fixed fields, with the reference generator's weights, and writes
/// them as a <see cref="VisitProfile"/>. The order of the draws is part of the output: changing it
/// changes what every seed generates.
/// </summary>
internal static class VisitProfiles
{
    public const int Users = 1_000_000;

    private const int DeviceField = 1;
    private const int NetworkField = 2;
    private const int BrowserField = 4;
    private const int SourceField = 8;

    private static readonly string[] Sites = ["mysite.com", .. Enumerable.Range(1, 9).Select(i => string.Create(CultureInfo.InvariantCulture, $"partner{i}.com"))];
    private static readonly string[] Browsers =
    [
        "Google Chrome 55", "Google Chrome 56", "Google Chrome 57", "Google Chrome 58", "Google Chrome 59",
        "Mozilla Firefox 51", "Mozilla Firefox 52", "Mozilla Firefox 53", "Mozilla Firefox 54", "Microsoft Edge 14",
    ];

    private static readonly string[] Languages = ["en", "fr", "pl", "de"];
    private static readonly string[] Networks = ["adsl", "fiber_optic", "3g", "4g"];
    private static readonly string[] NetworkLongNames = ["ADSL", "Fiber optic", "3G", "4G"];
    private static readonly string[] ApiVersions = ["v1", "v2", "v3"];

    public static VisitProfile Create(Xoshiro256 rng, AnomalyRates rates)
    {
        var userId = 1 + rng.NextInt(Users);
        var visitHigh = rng.NextUInt64();
        var visitLow = rng.NextUInt64();
        var site = Sites[Weighted(rng.NextInt(99), 90)];
        var apiVersion = ApiVersions[Math.Min(rng.NextInt(5), 2)];
        var browser = Browsers[rng.NextInt(Browsers.Length)];
        var language = Languages[Weighted(rng.NextInt(23), 20)];
        var platforms = Platform.ByDeviceType[rng.NextInt(Platform.ByDeviceType.Length)];
        var platform = platforms[rng.NextInt(platforms.Length)];
        var version = platform.Versions[rng.NextInt(platform.Versions.Length)];
        var network = rng.NextInt(Networks.Length);
        var isIpV4 = rng.NextInt(2) == 0;
        var ip = rng.NextUInt64();
        var ipLow = isIpV4 ? 0 : rng.NextUInt64();
        var latitude = rng.NextInt(-900_000, 900_000);
        var longitude = rng.NextInt(-1_800_000, 1_800_000);
        var keepPrivate = rng.NextInt(2) == 1;

        var draw = rng.NextDouble();
        var anomaly = draw < rates.Incomplete ? VisitAnomaly.Incomplete
            : draw < rates.Incomplete + rates.Inconsistent ? VisitAnomaly.Inconsistent
            : VisitAnomaly.None;
        var damaged = anomaly == VisitAnomaly.None ? 0 : TwoOfFour(rng);
        var isNull = anomaly == VisitAnomaly.Incomplete ? damaged : 0;
        var reshaped = anomaly == VisitAnomaly.Inconsistent ? damaged : 0;

        Span<byte> buffer = stackalloc byte[1024];
        var w = new SpanWriter(buffer);
        w.Write("{\"visit_id\":\""u8);
        w.WriteHex(visitHigh, 16);
        w.WriteHex(visitLow, 16);
        w.Write((byte)'"');
        var userIdStart = w.Position;
        w.Write(",\"user_id\":"u8);
        w.WriteInteger(userId);
        var tailStart = w.Position;

        w.Write(",\"source\":"u8);
        if ((isNull & SourceField) != 0)
        {
            w.Write("null"u8);
        }
        else if ((reshaped & SourceField) != 0)
        {
            WriteString(ref w, "www." + site);
        }
        else
        {
            w.Write("{\"site\":"u8);
            WriteString(ref w, site);
            w.Write(",\"api_version\":"u8);
            WriteString(ref w, apiVersion);
            w.Write((byte)'}');
        }

        w.Write(",\"user\":{\"ip\":\""u8);
        WriteIp(ref w, isIpV4, ip, ipLow);
        w.Write("\",\"latitude\":"u8);
        w.WriteFourDecimals(latitude);
        w.Write(",\"longitude\":"u8);
        w.WriteFourDecimals(longitude);

        w.Write("},\"technical\":{\"browser\":"u8);
        if ((isNull & BrowserField) != 0)
        {
            w.Write("null"u8);
        }
        else if ((reshaped & BrowserField) != 0)
        {
            // The language moves into the browser object, and technical.lang is null.
            w.Write("{\"name\":"u8);
            WriteString(ref w, browser);
            w.Write(",\"language\":"u8);
            WriteString(ref w, language);
            w.Write((byte)'}');
        }
        else
        {
            WriteString(ref w, browser);
        }

        w.Write(",\"os\":"u8);
        WriteString(ref w, platform.Os);
        w.Write(",\"lang\":"u8);
        if ((reshaped & BrowserField) != 0)
        {
            w.Write("null"u8);
        }
        else
        {
            WriteString(ref w, language);
        }

        w.Write(",\"device\":"u8);
        if ((isNull & DeviceField) != 0)
        {
            w.Write("null"u8);
        }
        else if ((reshaped & DeviceField) != 0)
        {
            w.Write("{\"name\":"u8);
            WriteString(ref w, platform.DeviceType);
            w.Write((byte)'}');
        }
        else
        {
            w.Write("{\"type\":"u8);
            WriteString(ref w, platform.DeviceType);
            w.Write(",\"version\":"u8);
            WriteString(ref w, version);
            w.Write((byte)'}');
        }

        w.Write(",\"network\":"u8);
        if ((isNull & NetworkField) != 0)
        {
            w.Write("null"u8);
        }
        else if ((reshaped & NetworkField) != 0)
        {
            w.Write("{\"short_name\":"u8);
            WriteString(ref w, Networks[network]);
            w.Write(",\"long_name\":"u8);
            WriteString(ref w, NetworkLongNames[network]);
            w.Write((byte)'}');
        }
        else
        {
            WriteString(ref w, Networks[network]);
        }

        w.Write(keepPrivate ? "},\"keep_private\":true}"u8 : "},\"keep_private\":false}"u8);
        return new VisitProfile(w.Written.ToArray(), userIdStart, tailStart, anomaly);
    }

    /// <summary>Index 0 for a draw under <paramref name="first"/> (its weight), then 1, 2, … one draw each.</summary>
    private static int Weighted(int draw, int first) => draw < first ? 0 : draw - first + 1;

    /// <summary>Two distinct fields of the four, as bits.</summary>
    private static int TwoOfFour(Xoshiro256 rng)
    {
        var first = rng.NextInt(4);
        var second = rng.NextInt(3);
        if (second >= first)
        {
            second++;
        }

        return (1 << first) | (1 << second);
    }

    /// <summary>A JSON string of plain ASCII text (the tables hold no character that needs escaping), or null.</summary>
    private static void WriteString(ref SpanWriter w, string? value)
    {
        if (value is null)
        {
            w.Write("null"u8);
            return;
        }

        w.Write((byte)'"');
        Span<byte> bytes = stackalloc byte[64];
        var length = Encoding.ASCII.GetBytes(value, bytes);
        w.Write(bytes[..length]);
        w.Write((byte)'"');
    }

    private static void WriteIp(ref SpanWriter w, bool isIpV4, ulong high, ulong low)
    {
        if (isIpV4)
        {
            for (var i = 0; i < 4; i++)
            {
                if (i > 0)
                {
                    w.Write((byte)'.');
                }

                w.WriteInteger((long)((high >> (8 * i)) & 0xFF));
            }

            return;
        }

        for (var i = 0; i < 8; i++)
        {
            if (i > 0)
            {
                w.Write((byte)':');
            }

            w.WriteHex(i < 4 ? high >> (16 * i) : low >> (16 * (i - 4)), 4);
        }
    }
}
