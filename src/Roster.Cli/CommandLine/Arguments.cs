using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Client;

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

    /// <summary>An IP:PORT option such as Consul's -http-addr; a bad one is named in the one-line error.</summary>
    public static Option<IPEndPoint> Endpoint(string name, string alias, string description, string defaultValue) => new(name, alias)
    {
        Description = description,
        HelpName = "IP:PORT",
        DefaultValueFactory = _ => IPEndPoint.Parse(defaultValue),
        CustomParser = ParseEndpoint,
    };

    /// <summary>--consul URL: the registry; absent means CONSUL_HTTP_ADDR / CONSUL_HTTP_TOKEN, as Consul's own tools do.</summary>
    public static Option<ConsulClientOptions?> Consul() => new("--consul")
    {
        Description = "Consul-compatible agent to register in and discover through (default: CONSUL_HTTP_ADDR, else 127.0.0.1:8500)",
        HelpName = "URL",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text, UriKind.Absolute, out var url) &&
                url.Scheme is "http" or "https")
            {
                return ConsulClientOptions.FromEnvironment() with { Address = url };
            }

            result.AddError($"invalid agent address '{text}': expected a URL such as http://127.0.0.1:8500");
            return null;
        },
    };

    /// <summary>--NAME N: how many instances of a service, 0 to <paramref name="max"/>.</summary>
    public static Option<int> Count(string name, string description, int defaultValue, int max) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= max)
            {
                return count;
            }

            result.AddError($"invalid count '{text}' for {name}: expected a number from 0 to {max}");
            return 0;
        },
    };

    public static Option<LogLevel> LogLevel() => new("-log-level", "--log-level")
    {
        Description = "trace, debug, info, warn or error",
        HelpName = "LEVEL",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
        CustomParser = ParseLogLevel,
    };

    private static IPEndPoint ParseEndpoint(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal))
        {
            return endpoint;
        }

        result.AddError($"invalid address '{text}': expected IP:PORT such as 127.0.0.1:8500");
        return new IPEndPoint(IPAddress.None, 0);
    }

    private static LogLevel ParseLogLevel(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        // Consul's level names, and .NET's.
        switch (text.ToUpperInvariant())
        {
            case "TRACE": return Microsoft.Extensions.Logging.LogLevel.Trace;
            case "DEBUG": return Microsoft.Extensions.Logging.LogLevel.Debug;
            case "INFO" or "INFORMATION": return Microsoft.Extensions.Logging.LogLevel.Information;
            case "WARN" or "WARNING": return Microsoft.Extensions.Logging.LogLevel.Warning;
            case "ERR" or "ERROR": return Microsoft.Extensions.Logging.LogLevel.Error;
            default:
                result.AddError($"invalid log level '{text}': expected trace, debug, info, warn or error");
                return Microsoft.Extensions.Logging.LogLevel.Information;
        }
    }

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
