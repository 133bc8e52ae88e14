namespace AirtableSync.Jobs;

internal static class JobErrors
{
    // Errors are shown in the UI and stored with the job; a runaway message (an HTML error page) would bloat both.
    private const int MaxLength = 1_000;

    public static string Describe(Exception exception)
    {
        var root = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        if (IsBug(root))
        {
            // "Object reference not set to an instance of an object" tells a user nothing; the log has the stack.
            return $"An internal error stopped this job ({root.GetType().Name}); the application log has the details.";
        }
        var message = string.IsNullOrWhiteSpace(root.Message) ? root.GetType().Name : root.Message.Trim();
        return message.Length <= MaxLength ? message : string.Concat(message.AsSpan(0, MaxLength), "…");
    }

    private static bool IsBug(Exception exception) =>
        exception is NullReferenceException or InvalidCastException or IndexOutOfRangeException or NotImplementedException;
}
