namespace AirtableSync.Tests;

public class SmokeTests
{
    [Fact]
    public void TestProjectRuns() => Assert.Equal(4, 2 + 2);
}
