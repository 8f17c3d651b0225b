using System.CommandLine;
using Roster.Cli.Agent;
using Roster.Cli.CommandLine;
using Roster.Cli.Lb;
using Roster.Cli.Scale;
using Roster.Cli.Service;
using Roster.Cli.Status;
using Roster.Cli.Template;
using Roster.Cli.Up;

var root = new RootCommand("Roster: service discovery and dynamic HAProxy load balancing for .NET.")
{
    AgentCommand.Create(),
    ServiceCommand.Create(),
    LbCommand.Create(),
    TemplateCommand.Create(),
    UpCommand.Create(),
    ScaleCommand.Create(),
    StatusCommand.Create(),
};

return await CliRunner.RunAsync(root, args);
