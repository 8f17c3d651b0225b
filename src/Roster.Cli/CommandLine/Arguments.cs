using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace Roster.Cli.CommandLine;

/// <summary>Arguments and options several commands share, each with a parser whose error names the bad value.</summary>
internal static class Arguments
{
    public static Argument<int> Port(string description) => new("PORT")
    {
        Description = description,
        CustomParser = ParsePort,
    };

    public static Option<IPAddress> Bind(string description) => new("--bind")
    {
        Description = description,
        HelpName = "ADDR",
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = ParseAddress,
    };

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort)
        {
            return port;
        }

        result.AddError($"invalid port '{text}': expected a number from 0 to {IPEndPoint.MaxPort}");
        return 0;
    }

    private static IPAddress ParseAddress(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (text == "localhost")
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return address;
        }

        result.AddError($"invalid address '{text}': expected an IP address such as 127.0.0.1 or ::1");
        return IPAddress.None;
    }
}
