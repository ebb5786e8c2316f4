namespace WuShe.Domain.Accounts;

/// <summary>
/// 口令复杂度 (等保 2.0 身份鉴别): at least <see cref="MinimumLength"/> characters of at least 3 of the 4 kinds (upper case,
/// lower case, digits, symbols), and not containing the user name. The length is a setting; the kinds are the rule.
/// </summary>
public sealed record PasswordPolicy(int MinimumLength = 8)
{
    public IReadOnlyList<string> Problems(string userName, string password)
    {
        var problems = new List<string>();
        if (password.Length < MinimumLength) problems.Add($"密码至少 {MinimumLength} 位。");
        var kinds = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)) }.Count(k => k);
        if (kinds < 3) problems.Add("密码须包含大写字母、小写字母、数字、符号中的至少三种。");
        var name = userName.Trim();
        if (name.Length > 0 && password.Contains(name, StringComparison.OrdinalIgnoreCase)) problems.Add("密码不能包含用户名。");
        return problems;
    }
}
