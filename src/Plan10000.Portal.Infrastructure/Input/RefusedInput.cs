using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Plan10000.Portal.Infrastructure.Input;

/// <summary>
/// The portal's single input rule: no control character (NUL and the C0 set but tab, CR and LF, plus DEL) in a
/// submitted value. The request carrying one is marked with this feature; nothing of it may be stored.
/// </summary>
public sealed class RefusedInput(IReadOnlyList<string> fields)
{
    public const string Message = "Ce champ contient un caractère invisible non autorisé (caractère de contrôle) : retirez-le puis réessayez.";

    /// <summary>Names of the fields (form keys, query keys or JSON paths) holding a control character.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    public static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if ((c < ' ' && c is not '\t' and not '\r' and not '\n') || c == '\u007f')
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Thrown when code tries to save during a refused request; the MVC filter answers it with a 400.</summary>
public sealed class RefusedInputException() : InvalidOperationException("Enregistrement refusé : la requête contient des caractères de contrôle.");

/// <summary>
/// The guarantee behind « a refused submission changes nothing »: whatever an action does with the bad values,
/// no DbContext saves during a request marked <see cref="RefusedInput"/>.
/// </summary>
internal sealed class RefusedInputSaveGuard(IHttpContextAccessor http) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check();
        return ValueTask.FromResult(result);
    }

    private void Check()
    {
        if (http.HttpContext?.Features.Get<RefusedInput>() is not null)
        {
            throw new RefusedInputException();
        }
    }
}
