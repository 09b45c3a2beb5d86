using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using System.Text.Json.Serialization.Metadata;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;
using Wolverine.ErrorHandling;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Timeliness;

namespace YiyangTasks.Api.Storage;

/// <summary>Wires Marten (the event store) and Wolverine (handlers, scheduling, durable messaging) onto one PostgreSQL database.</summary>
public static class EventStore
{
    /// <summary>The PostgreSQL schema of our events, streams and read models.</summary>
    public const string Schema = "yiyang";

    /// <summary>The PostgreSQL schema of Wolverine's durable inbox, outbox and scheduled messages.</summary>
    public const string MessagingSchema = "yiyang_messaging";

    /// <summary>The event store's options, shared by the host and by tools (benchmarks, drills) that open the same store.</summary>
    public static void Configure(StoreOptions options)
    {
        options.DatabaseSchemaName = Schema;
        // One stream per numbered task, keyed "{planId}/{number}" (SupervisedTask.StreamKey).
        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Who did it and in which request: the audit shows the person, not just the unit.
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json =>
            json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(StoreOnlyState));
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // Every append, whichever path makes it, is chained to its stream's previous event (README, "Verification").
        options.Listeners.Add(new Audit.HashChain());
        options.Schema.For<Audit.DailySeal>();
        ProjectionRegistry.Register(options);
        ProjectionRebuilds.Tune(options);
    }

    /// <summary>
    /// The store keeps what a domain type holds, not what it computes (SupervisedTask.CurrentReports,
    /// OutstandingAcknowledgements …): those get-only properties would roughly double every task write.
    /// The API's own JSON still shows them.
    /// </summary>
    private static void StoreOnlyState(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Assembly != typeof(Domain.Tasks.SupervisedTask).Assembly) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i].Set is null) type.Properties.RemoveAt(i);
    }

    /// <summary>Development and the tests' Testing environment create the schema and generate code as they go.</summary>
    public static bool BuildsAsItGoes(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <param name="command">For a command (import, db-apply …): should Wolverine start (a real import), it runs no durability agent.</param>
    public static WebApplicationBuilder AddEventStore(this WebApplicationBuilder builder, string connectionString, bool command = false)
    {
        // One data source for the whole process, bounded (ConnectionBudget); built by the container so that it is
        // disposed, closing its idle connections, when the host stops.
        var settings = ConnectionBudget.Apply(connectionString);
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString)
        {
            Name = ConnectionBudget.ApplicationName,
        }.Build());
        builder.Services.AddSingleton<StreamTurns>();

        // Development and the tests' Testing environment build the schema and the generated code as they go. Elsewhere
        // (production) `db-apply` applies the schema before the new version starts (README, "Upgrading"), and the
        // code is the one `codegen write` generated, compiled into this assembly (TypeLoadMode.Static).
        var buildsAsItGoes = BuildsAsItGoes(builder.Environment);
        builder.Services.CritterStackDefaults(critters =>
        {
            if (buildsAsItGoes) critters.DevelopmentEnvironmentName = builder.Environment.EnvironmentName;
            critters.Production.GeneratedCodeMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
            critters.Production.AssertAllPreGeneratedTypesExist = true;
            critters.Production.ResourceAutoCreate = AutoCreate.None;
        });
        var marten = builder.Services.AddMarten(options =>
            {
                Configure(options);
                if (command) ProjectionRebuilds.TuneForCommand(options);
                options.AutoCreateSchemaObjects = buildsAsItGoes ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .IntegrateWithWolverine(integration =>
            {
                integration.MessageStorageSchemaName = MessagingSchema;
                // The async projections' daemon: Wolverine runs each projection on one of the API's processes at a time
                // and moves it when that process goes (a command's host runs no agents, so no daemon).
                integration.UseWolverineManagedEventSubscriptionDistribution = true;
            });
        if (buildsAsItGoes) marten.ApplyAllDatabaseChangesOnStartup();

        var digest = new DigestSchedule(builder.Configuration);
        builder.Services.AddSingleton(digest);
        var sweepCron = builder.Configuration["Timeliness:SweepCron"] ?? "*/10 * * * *";
        builder.Host.UseWolverine(options =>
        {
            // Wolverine 6 compiles its generated handler code only with a Roslyn compiler registered: Development and
            // the tests compile at run time; production loads Internal/Generated (README, "Generated code").
            options.UseRuntimeCompilation();
            options.AutoBuildMessageStorageOnStartup = buildsAsItGoes ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Discovery.IncludeAssembly(typeof(EventStore).Assembly);

            // Two checks of one task at once: the loser decides again on the winner's events.
            options.OnException<ConcurrencyException>().RetryWithCooldown(
                TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            // A webhook that fails is tried again after each cooldown, then the delivery is dead-lettered.
            options.OnException<DigestDeliveryFailed>().Or<HttpRequestException>().Or<TaskCanceledException>()
                .RetryWithCooldown(digest.RetryCooldowns.ToArray());

            // A command's messages (an import's timeliness checks) are stored; the API's processes run them. The
            // schedules below stay declared so that `db-apply` makes their tables too.
            if (command) options.Durability.DurabilityAgentEnabled = false;
            options.Schedules.ScheduleRecurring("overdue-digest", digest.Cron, _ => new RunOverdueDigest(), digest.TimeZone);
            options.Schedules.ScheduleRecurring("audit-daily-seal", builder.Configuration["Audit:SealCron"] ?? "15 0 * * *",
                _ => new Audit.SealDailyDigests(), digest.TimeZone);
            options.Schedules.ScheduleRecurring("timeliness-sweep", sweepCron, _ => new SweepDueChecks(), TimeZoneInfo.Utc);
        });
        return builder;
    }
}
