using System.Net;
using System.Net.Sockets;

namespace Dateline.Sources;

/// <summary>
/// Which IP addresses a fetch may connect to. Only public unicast addresses are allowed by
/// default, so that a URL from an untrusted source (a feed item, an API caller) cannot make
/// Dateline reach a service on the local machine or network (server-side request forgery).
/// </summary>
/// <remarks>
/// The check runs on the addresses a host name resolves to, at connect time, for every
/// connection (every redirect hop included): a name that resolves to 127.0.0.1 is refused just as
/// the literal is. IPv4 addresses embedded in IPv6 ones (IPv4-mapped, IPv4-compatible, NAT64 and
/// 6to4) are judged as the IPv4 address they carry.
/// </remarks>
public static class AddressPolicy
{
    /// <summary>
    /// Why <paramref name="address"/> is not a public address ("loopback", "private",
    /// "link-local", "unique-local", "multicast", "unspecified", "reserved"), or null when it is one.
    /// </summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            address.TryWriteBytes(v4, out _);
            return ClassifyV4(v4);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "reserved";
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.IsIPv4MappedToIPv6)
        {
            return ClassifyV4(b[12..]);
        }

        if (b.IndexOfAnyExcept((byte)0) < 0)
        {
            return "unspecified";
        }

        if (b[..15].IndexOfAnyExcept((byte)0) < 0 && b[15] == 1)
        {
            return "loopback";
        }

        if (b[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // IPv4-compatible (deprecated ::a.b.c.d): judged by the IPv4 address.
            return ClassifyV4(b[12..]);
        }

        if (b[0] == 0xFF)
        {
            return "multicast";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
        {
            return "link-local";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)
        {
            // Site-local (deprecated, but still routed inside some networks).
            return "private";
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return "unique-local";
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes.
            return ClassifyV4(b[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            // 6to4 (2002::/16) carries an IPv4 address in bytes 2 to 5.
            return ClassifyV4(b[2..6]);
        }

        if ((b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) || (b[0] == 0x01 && b[1] == 0x00 && b[2..8].IndexOfAnyExcept((byte)0) < 0))
        {
            // Documentation (2001:db8::/32) and discard (100::/64) prefixes.
            return "reserved";
        }

        return null;
    }

    /// <summary>True when <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address) => Classify(address) is null;

    private static string? ClassifyV4(ReadOnlySpan<byte> a) => (a[0], a[1]) switch
    {
        (0, _) => "unspecified",
        (10, _) => "private",
        (127, _) => "loopback",
        (169, 254) => "link-local",
        (172, >= 16 and <= 31) => "private",
        (192, 168) => "private",
        (100, >= 64 and <= 127) => "private",
        (192, 0) when a[2] is 0 or 2 => "reserved",
        (198, 18 or 19) => "reserved",
        (198, 51) when a[2] == 100 => "reserved",
        (203, 0) when a[2] == 113 => "reserved",
        ( >= 224 and <= 239, _) => "multicast",
        ( >= 240, _) => "reserved",
        _ => null,
    };
}
