using Microsoft.Extensions.Options;

namespace Archive.Web.Security;

/// <summary>
/// The admin actions' key, section <c>Archive:Admin</c>. Without a key the admin pages do not exist (404); with one,
/// every admin request must present it. Set it from a secret store or the environment (<c>Archive__Admin__Key</c>),
/// never in a committed appsettings file.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "Archive:Admin";

    /// <summary>The request header that carries the key.</summary>
    public const string KeyHeader = "X-Archive-Admin-Key";

    /// <summary>Shortest key accepted: 16 characters of <c>openssl rand -hex 32</c> output are already 64 bits.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The key, or empty for no admin actions at all.</summary>
    public string? Key { get; set; }

    /// <summary>Whether the admin actions are on.</summary>
    public bool Enabled => !string.IsNullOrEmpty(Key);
}

/// <summary>Refuses a key so short that it could be guessed, at start-up rather than after someone has.</summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        if (options.Key!.Length < AdminOptions.MinimumKeyLength || string.IsNullOrWhiteSpace(options.Key))
            return ValidateOptionsResult.Fail(
                $"{AdminOptions.Section}:Key must be at least {AdminOptions.MinimumKeyLength} characters (e.g. the output of `openssl rand -hex 32`), or empty to turn the admin actions off.");
        return ValidateOptionsResult.Success;
    }
}
