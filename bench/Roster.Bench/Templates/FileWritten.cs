namespace Roster.Bench.Templates;

/// <summary>Signals when a file is (re)written in place by rename, as roster template writes: no polling loop.</summary>
internal sealed class FileWritten : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly string _path;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FileWritten(string directory, string name)
    {
        _path = Path.Combine(directory, name);
        _watcher = new FileSystemWatcher(directory) { EnableRaisingEvents = true };
        _watcher.Renamed += (_, e) => Signal(e.Name);
        _watcher.Changed += (_, e) => Signal(e.Name);
        _watcher.Created += (_, e) => Signal(e.Name);

        void Signal(string? changed)
        {
            if (changed == name)
            {
                _changed.TrySetResult();
            }
        }
    }

    /// <summary>Returns once the file's contents satisfy <paramref name="done"/>, re-reading it after every write.</summary>
    public async Task UntilAsync(Func<string, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = _changed.Task;
            if (File.Exists(_path) && done(await File.ReadAllTextAsync(_path, deadline.Token)))
            {
                return;
            }

            await next.WaitAsync(deadline.Token);
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Dispose() => _watcher.Dispose();
}
