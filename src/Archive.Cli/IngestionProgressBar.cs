using Archive.Core.Ingestion;
using Spectre.Console;

namespace Archive.Cli;

/// <summary>The progress bar of the commands that pass over the pages folder (<c>ingest</c>, <c>reindex</c>).</summary>
internal static class IngestionProgressBar
{
    /// <summary>Runs <paramref name="work"/> under a progress bar labelled <paramref name="label"/> until its first report.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, string label, Func<IProgress<IngestionProgress>, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: 1);
                var result = await work(new Reporter(task));
                task.StopTask();
                return result;
            });

    /// <summary>
    /// Feeds the bar straight from the ingestor's thread. Not <see cref="Progress{T}"/>: it posts reports to the
    /// thread pool, so they could arrive out of order or after the pass has ended.
    /// </summary>
    private sealed class Reporter(ProgressTask task) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            task.Description = value.File is null ? "Done" : Markup.Escape(value.File);
        }
    }
}
