using Radzen;

namespace WuShe.App.Components;

/// <summary>The one way pages ask before an irreversible or expensive command: a title, what will happen, the verb on the
/// button, and 取消. True only when the user chose the verb.</summary>
public static class Confirmations
{
    public static async Task<bool> ConfirmAsync(this DialogService dialogs, string title, string message, string verb) =>
        await dialogs.Confirm(message, title, new ConfirmOptions { OkButtonText = verb, CancelButtonText = "取消", CssClass = "wushe-confirm" }) == true;
}
