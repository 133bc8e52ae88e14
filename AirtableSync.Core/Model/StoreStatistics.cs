namespace AirtableSync.Model;

public sealed record StoreStatistics(int Bases, int Tables, long Records, long DeletedRecords, long RevisionEvents);
