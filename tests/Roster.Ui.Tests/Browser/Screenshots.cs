using Roster.Testing.Repository;

namespace Roster.Ui.Tests.Browser;

/// <summary>Where the tests leave pictures of the page: beside the TRX results, so that CI keeps them with the run.</summary>
internal static class Screenshots
{
    public static string PathOf(string fileName)
    {
        var directory = RepositoryRoot.Combine("artifacts", "test-results");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }
}
