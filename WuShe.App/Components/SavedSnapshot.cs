using System.Text.Json;

namespace WuShe.App.Components;

/// <summary>What a form held when it was last loaded or saved, to tell whether leaving would lose anything (<see cref="UnsavedChangesGuard"/>).</summary>
public sealed class SavedSnapshot
{
    private string _saved = "";

    public void Mark(object content) => _saved = JsonSerializer.Serialize(content);

    public bool Differs(object content) => JsonSerializer.Serialize(content) != _saved;
}
