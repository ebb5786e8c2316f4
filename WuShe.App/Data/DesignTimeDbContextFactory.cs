using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WuShe.App.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WuSheDbContext>
{
    public WuSheDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WuSheDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
