using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plan10000.Modules.Conventions.Data;
using Plan10000.Modules.Conventions.Models;
using Plan10000.Portal.Abstractions.Queries.Clubs;
using Plan10000.Portal.Abstractions.Queries.Companies;
using Plan10000.Portal.Abstractions.Security;
using Plan10000.Portal.Abstractions.Time;

namespace Plan10000.Modules.Conventions.Services;

/// <summary>Rules shared by the back office, the reminders and the digest.</summary>
internal sealed class ConventionService(ConventionsDbContext db, IClubsQuery clubs, ICompaniesQuery companies, IAccessScope scope, TimeProvider clock)
{
    /// <summary>The deadline the programme set for charters to become PAQTE: end of January 2020.</summary>
    public static readonly DateTime CharterDeadline = new(2020, 1, 31, 0, 0, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyDictionary<PaqteAxis, string> AxisLabels = new Dictionary<PaqteAxis, string>
    {
        [PaqteAxis.Sensibiliser] = "Sensibiliser : stages de 3e pour des élèves de REP+",
        [PaqteAxis.Former] = "Former : alternance",
        [PaqteAxis.Recruter] = "Recruter sans discriminer",
        [PaqteAxis.Acheter] = "Acheter de manière responsable et inclusive",
    };

    /// <summary>The key indicators of each axis; each gets a yearly target over the three years of the PAQTE.</summary>
    public static readonly IReadOnlyDictionary<PaqteAxis, IReadOnlyList<string>> AxisIndicators = new Dictionary<PaqteAxis, IReadOnlyList<string>>
    {
        [PaqteAxis.Sensibiliser] = ["Stages de 3e accueillis (élèves de REP+)"],
        [PaqteAxis.Former] = ["Contrats d’alternance signés", "dont jeunes des QPV"],
        [PaqteAxis.Recruter] = ["Recrutements de résidents des QPV", "Collaborateurs formés à la non-discrimination"],
        [PaqteAxis.Acheter] = ["Achats auprès de l’économie inclusive (k€)"],
    };

    public DateTime Today => clock.GetUtcNow().UtcDateTime.Date;

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public static string StatusLabel(ConventionStatus status) => status switch
    {
        ConventionStatus.Draft => "Projet",
        ConventionStatus.Signed => "Signée",
        ConventionStatus.Active => "En vigueur",
        _ => "Terminée",
    };

    public static string KindLabel(ConventionKind kind) => kind switch
    {
        ConventionKind.StateClub => "Convention État–club",
        ConventionKind.Paqte => "PAQTE",
        _ => "Charte entreprises et quartiers",
    };

    public static string Date(DateTime? date) => date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>A referent of the département (or a national admin) manages a convention: the département is its scope.</summary>
    public static ScopeOwner ManagedBy(Convention convention) => ScopeOwner.OfDepartement(convention.DepartementCode);

    /// <summary>The club's animators also read a State–club convention: it belongs to the club as well.</summary>
    public static ScopeOwner ReadBy(Convention convention) => new(convention.DepartementCode, convention.ClubId);

    public bool CanManage(ClaimsPrincipal user, Convention convention) => scope.Reaches(user, ManagedBy(convention));

    /// <summary>The conventions a user may read: those of the départements they oversee, plus those of the clubs they animate.</summary>
    public IQueryable<Convention> Readable(ClaimsPrincipal user)
    {
        var departements = scope.Departements(user);
        var animated = scope.Clubs(user);
        if (departements is null || animated is null)
        {
            return db.Conventions.AsNoTracking();
        }

        var codes = departements.Select(d => d.ToUpperInvariant()).ToList();
        var clubIds = animated.Ids.ToList();
        var clubDepartements = animated.Departements.Select(d => d.ToUpperInvariant()).ToList();
        return db.Conventions.AsNoTracking().Where(c => codes.Contains(c.DepartementCode)
            || (c.ClubId != null && (clubIds.Contains(c.ClubId.Value) || clubDepartements.Contains(c.DepartementCode))));
    }

    /// <summary>
    /// The figures of the club's members now: per theme the commitments and companies, then per unit the sum of the
    /// quantified intentions. Three queries whatever the number of members.
    /// </summary>
    public async Task<List<ConventionFigure>> LiveFiguresAsync(Guid conventionId, Guid clubId, CancellationToken cancellationToken)
    {
        var members = await clubs.GetMemberCompanyIdsAsync(clubId, cancellationToken);
        if (members.Count == 0)
        {
            return [];
        }

        var byTheme = await companies.GetCommitmentsByThemeAsync(members, cancellationToken);
        var intentions = await companies.GetPlannedIntentionsAsync(members, cancellationToken);
        var figures = byTheme.Select(t => new ConventionFigure { ConventionId = conventionId, ThemeNumero = t.ThemeNumero, Commitments = t.Commitments, Companies = t.Companies }).ToList();
        figures.AddRange(intentions.Select(i => new ConventionFigure { ConventionId = conventionId, ThemeNumero = i.ThemeNumero, Unit = i.Unit, Commitments = i.Commitments, Quantity = i.Quantity }));
        return [.. figures.OrderBy(f => f.ThemeNumero).ThenBy(f => f.Unit is not null).ThenBy(f => f.Unit, StringComparer.Ordinal)];
    }

    /// <summary>Draft State–club conventions show the live figures; signed ones their frozen rows.</summary>
    public async Task<IReadOnlyList<ConventionFigure>> FiguresAsync(Convention convention, CancellationToken cancellationToken)
        => convention.Kind == ConventionKind.StateClub && convention.Status == ConventionStatus.Draft && convention.ClubId is { } club
            ? await LiveFiguresAsync(convention.Id, club, cancellationToken)
            : [.. convention.Figures.OrderBy(f => f.ThemeNumero).ThenBy(f => f.Unit is not null).ThenBy(f => f.Unit, StringComparer.Ordinal)];

    /// <summary>What is missing before signing, in French; empty when the convention may be signed.</summary>
    public static IReadOnlyList<string> MissingForSignature(Convention convention)
    {
        var missing = new List<string>();
        if (convention.StartsOn is null || convention.EndsOn is null)
        {
            missing.Add("Indiquez les dates de validité.");
        }

        if (convention.Kind == ConventionKind.StateClub && convention.ThemeNumeros.Length == 0)
        {
            missing.Add("Choisissez au moins une thématique sur laquelle le club s’engage.");
        }

        if (convention.Kind == ConventionKind.Paqte && convention.Objectives.Count == 0)
        {
            missing.Add("Gardez au moins un axe du PAQTE.");
        }

        if (convention.Signatories.All(s => s.Side != SignatorySide.State))
        {
            missing.Add("Ajoutez le signataire de l’État (préfet ou référent).");
        }

        if (convention.Signatories.All(s => s.Side != SignatorySide.Partner))
        {
            missing.Add(convention.Kind == ConventionKind.StateClub ? "Ajoutez au moins un animateur signataire." : "Ajoutez le signataire de l’entreprise.");
        }

        return missing;
    }

    /// <summary>Signs a complete draft: State–club figures are computed one last time and stored, never again recomputed.</summary>
    public async Task SignAsync(Convention convention, string userId, CancellationToken cancellationToken)
    {
        if (convention.Kind == ConventionKind.StateClub && convention.ClubId is { } club)
        {
            var figures = await LiveFiguresAsync(convention.Id, club, cancellationToken);
            db.Figures.AddRange(figures);
        }

        convention.Status = ConventionStatus.Signed;
        convention.SignedAtUtc = NowUtc;
        convention.SignedBy = userId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Signed conventions whose validity ends between today and <paramref name="days"/> days from today, of the given départements (null: all).</summary>
    public async Task<List<Convention>> EndingWithinAsync(int days, IReadOnlySet<string>? departements, CancellationToken cancellationToken)
    {
        var today = Today;
        var limit = today.AddDays(days);
        var query = db.Conventions.AsNoTracking().Where(c => c.Status == ConventionStatus.Signed && c.EndsOn != null && c.EndsOn >= today && c.EndsOn <= limit);
        if (departements is not null)
        {
            var codes = departements.Select(d => d.ToUpperInvariant()).ToList();
            query = query.Where(c => codes.Contains(c.DepartementCode));
        }

        return await query.OrderBy(c => c.EndsOn).ThenBy(c => c.PartyName).Take(500).ToListAsync(cancellationToken);
    }

    public static string ParisDate(DateTime utc) => ParisTime.FromUtc(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
