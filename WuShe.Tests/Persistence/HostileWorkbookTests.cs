using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Excel;
using WuShe.App.Progress;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>
/// A table of hostile or mistaken progress workbooks: each is refused with a Chinese message that says where (file,
/// sheet, row, cell), nothing is saved, and a zip-bomb-like file is refused within a stated memory bound.
/// </summary>
public class HostileWorkbookTests : SeededApp
{
    private static readonly Dictionary<string, (Func<byte[], byte[]> Make, string Sheet, string Says)> Cases = new()
    {
        ["金额 10^17 元"] = (b => Edit(b, "筹款", 0, "金额（元）", "100000000000000000"), "筹款", "上限"),
        ["金额超过 1 亿元"] = (b => Edit(b, "筹款", 0, "金额（元）", "100000000.01"), "筹款", "上限"),
        ["金额为负"] = (b => Edit(b, "筹款", 0, "金额（元）", "-1"), "筹款", "金额"),
        ["金额用科学计数"] = (b => Edit(b, "筹款", 0, "金额（元）", "1e5"), "筹款", "金额"),
        ["日期 5/3"] = (b => Edit(b, "服务活动", 0, "日期", "5/3"), "服务活动", "“日期”应为日期"),
        ["日期 0001-01-01"] = (b => Edit(b, "服务活动", 0, "日期", "0001-01-01"), "服务活动", "之间"),
        ["日期 2173-10-13"] = (b => Edit(b, "服务活动", 0, "日期", "2173-10-13"), "服务活动", "之间"),
        ["日期 2024-02-30"] = (b => Edit(b, "服务活动", 0, "日期", "2024-02-30"), "服务活动", "应为日期"),
        ["日期序号 1"] = (b => Edit(b, "服务活动", 0, "日期", "1"), "服务活动", "应为日期"),
        ["捐赠时间 9999-12-31"] = (b => Edit(b, "筹款", 0, "时间", "9999-12-31 23:59"), "筹款", "之间"),
        ["填报期间 0001-01"] = (b => Edit(b, "创建点", 0, "填报期间", "0001-01"), "创建点", "年份"),
        ["填报期间早于首期"] = (b => Edit(b, "创建点", 0, "填报期间", "2023-01"), "创建点", "早于"),
        ["填报期间在将来"] = (b => Edit(b, "创建点", 0, "填报期间", "2099-01"), "创建点", "填报"),
        ["填报期间不是日期"] = (b => Edit(b, "创建点", 0, "填报期间", "四月"), "创建点", "填报期间"),
        ["社工人数为负"] = (b => Edit(b, "创建点", 0, "专职社工人数", "-3"), "创建点", "专职社工人数"),
        ["社工人数过大"] = (b => Edit(b, "创建点", 0, "专职社工人数", "99999999999"), "创建点", "专职社工人数"),
        ["常住人口 300 万"] = (b => Edit(b, "社区", 0, "常住人口", "3000000"), "社区", "常住人口"),
        ["活动名称 300 字"] = (b => Edit(b, "服务活动", 0, "活动名称", new string('名', 300)), "服务活动", "最多 200 个字"),
        ["活动名称 3000 字"] = (b => Edit(b, "服务活动", 0, "活动名称", new string('名', 3000)), "服务活动", "内容过长"),
        ["捐赠方 150 字"] = (b => Edit(b, "筹款", 0, "捐赠方", new string('捐', 150)), "筹款", "最多 100 个字"),
        ["是否填“也许”"] = (b => Edit(b, "创建点", 0, "已设立社区基金", "也许"), "创建点", "“是”或“否”"),
        ["创建点出现两次"] = (b => AddRow(b, "创建点", 0), "创建点", "两次"),
        ["未知创建点"] = (b => Edit(b, "创建点", 0, "街镇", "不存在街道"), "创建点", "找不到"),
        ["缺少工作表"] = (b => DropSheet(b, "筹款"), "筹款", "缺少工作表"),
        ["缺少列"] = (b => RenameHeader(b, "筹款", "捐赠方", "捐款人"), "筹款", "缺少列"),
        ["列名重复"] = (b => RenameHeader(b, "筹款", "说明", "捐赠方"), "筹款", "出现 2 次"),
        ["6000 行"] = (b => ManyRows(b, "服务活动", 6000), "服务活动", "5,000 行"),
        ["1500 次活动"] = (b => ManyRows(b, "服务活动", 1500), "服务活动", "最多 1,000 条"),
        ["70 列"] = (b => WideHeader(b, "筹款", 70), "筹款", "64 列"),
        ["工作表含 DTD"] = (b => Raw(b, "金额（元）", x => Regex.Replace(x, @"^(<\?xml[^>]*\?>)?", m => m.Value + "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>")), "", "无法读取"),
        ["外部实体"] = (b => Raw(b, "金额（元）", x => Regex.Replace(x, @"^(<\?xml[^>]*\?>)?", m => m.Value + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")), "", "无法读取"),
        ["缺少 workbook.xml"] = (b => Zip(b, z => z.GetEntry("xl/workbook.xml")!.Delete()), "", "不是有效的 Excel"),
        ["缺少工作表部件"] = (b => Zip(b, z => SheetEntry(z, "金额（元）").Delete()), "", ""),
        ["公式带缓存值"] = (b => Raw(b, "金额（元）", x => Regex.Replace(x, @"<(\w+:)?v>", m => $"<{m.Groups[1].Value}f>1+1</{m.Groups[1].Value}f>" + m.Value, RegexOptions.None, TimeSpan.FromSeconds(5))), "筹款", "公式"),
        ["公式无缓存值"] = (b => Raw(b, "金额（元）", x => Regex.Replace(x, @"<(\w+:)?v>[^<]*</(\w+:)?v>", m => $"<{m.Groups[1].Value}f>A1*2</{m.Groups[1].Value}f>")), "筹款", "公式"),
        ["错误值单元格"] = (b => Raw(b, "金额（元）", x => Regex.Replace(x, @"t=""n""", @"t=""e""")), "筹款", "错误值"),
        ["共享字符串越界"] = (b => Raw(b, "金额（元）", x => Regex.Replace(x, @"t=""n""(>\s*<(\w+:)?v>)[^<]*", @"t=""s""${1}999999")), "筹款", "共享字符串"),
        ["不是 zip"] = (_ => "这不是表格"u8.ToArray(), "", "不是有效的 Excel"),
        ["空文件"] = (_ => Array.Empty<byte>(), "", "不是有效的 Excel"),
        ["zip 里只有文本"] = (_ => ZipOf(("readme.txt", "你好"u8.ToArray())), "", "不是有效的 Excel"),
        ["截断的文件"] = (b => b[..(b.Length / 2)], "", "不是有效的 Excel"),
        ["超过 10 MB"] = (_ => Noise(11 * 1024 * 1024), "", "超过 10 MB"),
        ["zip 炸弹"] = (b => Zip(b, z => Fill(z.CreateEntry("xl/media/image1.bin", CompressionLevel.SmallestSize), 200L * 1024 * 1024)), "", "解压后超过"),
        ["30 万个共享字符串"] = (_ => SharedStringBomb(300_000, 1), "", "共享字符串超过"),
        ["共享字符串 600 万字"] = (_ => SharedStringBomb(3_000, 2_000), "", "共享字符串总长"),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Fact]
    public void The_table_holds_at_least_40_files() => Assert.True(Cases.Count >= 40, $"{Cases.Count}");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_workbook_is_refused_where_it_is_wrong_and_saves_nothing(string name)
    {
        var (station, scope) = await UserAsync("nanshi");
        var workbook = Service<ProgressWorkbook>();
        var file = Cases[name].Make(await FilledTemplateAsync());
        var before = await SnapshotAsync();

        var result = await workbook.ImportAsync(station, scope, new MemoryStream(file));

        Assert.False(result.Saved, name);
        var (sheet, says) = (Cases[name].Sheet, Cases[name].Says);
        Assert.Contains(result.Errors, e => (sheet == "" || e.Sheet == sheet) && e.Message.Contains(says));
        Assert.All(result.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_allocating_less_than_64_MB()
    {
        var (station, scope) = await UserAsync("nanshi");
        var (template, _) = await Service<ProgressWorkbook>().TemplateAsync(scope, station.SiteId, null, 2024, 4);
        var bomb = Zip(template, z => Fill(z.CreateEntry("xl/media/image1.bin", CompressionLevel.SmallestSize), 1024L * 1024 * 1024));
        Assert.True(bomb.Length < 5 * 1024 * 1024, $"{bomb.Length}"); // 1 GB inflated, a few MB on the wire
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<XlsxRefusedException>(() => Xlsx.Read(new MemoryStream(bomb)));
        var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Contains("解压后超过", refused.Message);
        Assert.True(used < 64L * 1024 * 1024, $"拒绝时分配了 {used / 1024 / 1024} MB");
    }

    /// <summary>The station's April report, filled and saved, exported as its template: a file that imports as it is.</summary>
    private async Task<byte[]> FilledTemplateAsync()
    {
        var (station, scope) = await UserAsync("nanshi");
        var progress = Service<ProgressApplications>();
        var id = await progress.OpenAsync(station, scope, station.SiteId!.Value, 2024, 4);
        await using (var db = NewContext())
        {
            var ids = await db.Communities.Where(c => c.SiteId == station.SiteId).OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
            await progress.SaveAsync(station, scope, id, 1, ProgressServiceTests.Sample(ids, 1_234_567));
        }
        var (template, _) = await Service<ProgressWorkbook>().TemplateAsync(scope, station.SiteId, null, 2024, 4);
        var result = await Service<ProgressWorkbook>().ImportAsync(station, scope, new MemoryStream(template));
        Assert.True(result.Saved, "样本工作簿本身应能导入：" + string.Join("；", result.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Message}")));
        return template;
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = NewContext();
        return string.Join("/", await db.ProgressReports.CountAsync(), string.Join(",", await db.ProgressReports.OrderBy(r => r.Id).Select(r => r.Version).ToListAsync()),
            await db.AuditEntries.CountAsync());
    }

    private static byte[] Edit(byte[] workbook, string sheet, int dataRow, string column, string value) => Rewrite(workbook, t =>
        t.Name != sheet ? null : t.Rows.Select((r, i) => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)(i == dataRow && h == column ? value : r[h])).ToList()).ToList());

    private static byte[] AddRow(byte[] workbook, string sheet, int copyOf) => Rewrite(workbook, t =>
        t.Name != sheet ? null : t.Rows.Append(t.Rows[copyOf]).Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()).ToList());

    private static byte[] ManyRows(byte[] workbook, string sheet, int count) => Rewrite(workbook, t =>
        t.Name != sheet ? null : Enumerable.Repeat(t.Rows[0], count).Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()).ToList());

    private static byte[] Rewrite(byte[] workbook, Func<XlsxTable, List<IReadOnlyList<object?>>?> rows)
    {
        var book = Xlsx.Read(new MemoryStream(workbook));
        return Xlsx.Write(book.Values.Select(t => new XlsxSheet(t.Name, t.Headers,
            rows(t) ?? t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()).ToList())).ToArray());
    }

    private static byte[] DropSheet(byte[] workbook, string sheet)
    {
        var book = Xlsx.Read(new MemoryStream(workbook));
        return Xlsx.Write(book.Values.Where(t => t.Name != sheet).Select(t => new XlsxSheet(t.Name, t.Headers,
            t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()))).ToArray());
    }

    private static byte[] RenameHeader(byte[] workbook, string sheet, string from, string to)
    {
        var book = Xlsx.Read(new MemoryStream(workbook));
        return Xlsx.Write(book.Values.Select(t => new XlsxSheet(t.Name, t.Name == sheet ? t.Headers.Select(h => h == from ? to : h).ToList() : t.Headers,
            t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()))).ToArray());
    }

    private static byte[] WideHeader(byte[] workbook, string sheet, int columns)
    {
        var book = Xlsx.Read(new MemoryStream(workbook));
        return Xlsx.Write(book.Values.Select(t => t.Name != sheet
            ? new XlsxSheet(t.Name, t.Headers, t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()))
            : new XlsxSheet(t.Name, t.Headers.Concat(Enumerable.Range(1, columns - t.Headers.Count).Select(i => $"多余{i}")).ToList(),
                t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h]).ToList()))).ToArray());
    }

    private static ZipArchiveEntry SheetEntry(ZipArchive zip, string marker)
    {
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/")).ToList())
        {
            using var reader = new StreamReader(entry.Open());
            if (reader.ReadToEnd().Contains(marker)) return entry;
        }
        throw new InvalidOperationException($"没有含“{marker}”的工作表。");
    }

    private static byte[] Raw(byte[] workbook, string marker, Func<string, string> change) => Zip(workbook, zip =>
    {
        var entry = SheetEntry(zip, marker);
        var name = entry.FullName;
        string xml;
        using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(change(xml));
    });

    private static byte[] Zip(byte[] workbook, Action<ZipArchive> change)
    {
        var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return stream.ToArray();
    }

    private static byte[] ZipOf(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (var s = zip.CreateEntry(name).Open()) s.Write(content);
        return stream.ToArray();
    }

    private static void Fill(ZipArchiveEntry entry, long bytes)
    {
        using var stream = entry.Open();
        var zeros = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += zeros.Length) stream.Write(zeros);
    }

    private static byte[] Noise(int bytes)
    {
        var data = new byte[bytes];
        new Random(7).NextBytes(data);
        return data;
    }

    /// <summary>A real workbook whose shared-string table holds <paramref name="count"/> strings of <paramref name="length"/> characters.</summary>
    private static byte[] SharedStringBomb(int count, int length)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            var text = new string('字', length);
            strings.SharedStringTable = new SharedStringTable(Enumerable.Range(0, count).Select(_ => new SharedStringItem(new Text(text))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "创建点" }));
        }
        return stream.ToArray();
    }
}
