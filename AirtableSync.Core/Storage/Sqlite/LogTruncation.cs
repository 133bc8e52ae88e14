namespace AirtableSync.Storage.Sqlite;

public enum LogTruncation
{
    /// <summary>The log was copied into the database file and is now empty.</summary>
    Truncated,

    /// <summary>Nothing was written since the last truncation; nothing was done.</summary>
    NothingWritten,

    /// <summary>The app was writing; the next attempt retries.</summary>
    WriterBusy,

    /// <summary>A reader still needed old frames (or another checkpoint was running); the next attempt retries.</summary>
    ReadersBusy,
}
