using System.Reflection;
using Roster.Protocol.Agent;

namespace Roster.Protocol.Tests.Agent;

public sealed class CheckDefinitionTests
{
    [Fact]
    public void ToCheckType_EveryFieldSet_CopiesEveryField()
    {
        var definition = new CheckDefinition
        {
            Id = "c1",
            Name = "n",
            Notes = "notes",
            ServiceId = "web-1",
            Token = "t",
            Status = "passing",
            ScriptArgs = ["a"],
            Http = "http://h/",
            H2Ping = "h:1",
            H2PingUseTls = false,
            Header = new Dictionary<string, IReadOnlyList<string>> { ["X"] = ["y"] },
            Method = "POST",
            Body = "b",
            DisableRedirects = true,
            Tcp = "h:2",
            Udp = "h:3",
            Interval = TimeSpan.FromSeconds(1),
            DockerContainerId = "d",
            Shell = "sh",
            Grpc = "h:4",
            GrpcUseTls = true,
            OsService = "svc",
            TlsServerName = "tls",
            TlsSkipVerify = true,
            AliasNode = "an",
            AliasService = "as",
            Timeout = TimeSpan.FromSeconds(2),
            Ttl = TimeSpan.FromSeconds(3),
            SuccessBeforePassing = 1,
            FailuresBeforeWarning = 2,
            FailuresBeforeCritical = 3,
            DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1),
            OutputMaxSize = 4096,
        };

        var check = definition.ToCheckType();

        // Every CheckType property but CheckID has a namesake on CheckDefinition: compare them all, so a field added to
        // both records but forgotten in ToCheckType fails here.
        Assert.Equal(definition.Id, check.CheckId);
        foreach (var property in typeof(CheckType).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(CheckType.CheckId)))
        {
            var source = typeof(CheckDefinition).GetProperty(property.Name);
            Assert.True(source is not null, $"CheckDefinition lacks {property.Name}");
            Assert.Equal(source.GetValue(definition), property.GetValue(check));
            Assert.NotEqual(GetDefault(property.PropertyType), property.GetValue(check));
        }
    }

    private static object? GetDefault(Type type) => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
}
