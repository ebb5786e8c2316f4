using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;

namespace WuShe.App.Hosting;

/// <summary>
/// A request the API cannot even read — broken JSON, a value of the wrong type, a number too large, a query value
/// that is not a date — answers 400 with a Chinese message naming where it broke, in every environment (ASP.NET Core
/// would answer an empty 400 in Production and an English exception page in Development).
/// </summary>
public static class MalformedRequests
{
    public static void AddMalformedRequests(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Bodies nest a few levels at most; a deeper document is an attack on the parser.
        services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 16);
    }

    public static void UseMalformedRequests(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            var status = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest;
            var message = status == StatusCodes.Status413PayloadTooLarge ? "请求内容过大，已拒绝。" : Describe(e);
            await ApiResults.Error(status, message).ExecuteAsync(http);
        }
    });

    private static string Describe(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException { Path: { Length: > 0 } path } => $"请求内容格式不正确：{Field(path)}的值无法读取（类型不符、数值超出范围或格式错误）。",
        JsonException => "请求内容不是有效的 JSON。",
        _ when e.Message.Contains("Required parameter") || e.Message.Contains("body was not provided") => "请求缺少必需的内容。",
        _ when e.Message.Contains("Failed to bind parameter") => $"请求参数格式不正确：{Parameter(e.Message)}。",
        _ => "请求格式不正确，无法读取。",
    };

    /// <summary>"$.details.communities[0].residentPopulation" → "字段 details.communities[0].residentPopulation ".</summary>
    private static string Field(string path) => $"字段 {path.TrimStart('$').TrimStart('.')} ";

    /// <summary>ASP.NET Core names the parameter and the value in quotes: 'Failed to bind parameter "DateOnly? asOf" from "9999-99-99"'.</summary>
    private static string Parameter(string message)
    {
        var quoted = message.Split('"');
        return quoted.Length >= 4 ? $"参数 {quoted[1].Split(' ').Last()} 的值“{quoted[3]}”无效" : "参数无效";
    }
}
