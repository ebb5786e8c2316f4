using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;

namespace WuShe.App.Accounts;

/// <summary>Identity's password check is the policy's (<see cref="PasswordPolicy"/>), with its Chinese messages.</summary>
public class PolicyPasswordValidator : IPasswordValidator<UserAccount>
{
    private readonly PasswordPolicy _policy;

    public PolicyPasswordValidator(IOptions<WuSheOptions> options) => _policy = new(options.Value.Sessions.MinimumPasswordLength);

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        var problems = _policy.Problems(user.UserName ?? "", password ?? "");
        return Task.FromResult(problems.Count == 0 ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "Password", Description = p }).ToArray()));
    }
}
