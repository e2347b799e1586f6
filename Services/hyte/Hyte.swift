import ArgumentParser

/// `hyte`: the gateway command line of Hyte.
@main
struct Hyte: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte",
        abstract: "Hyte: plan, follow up and report the welfare of residents.",
        discussion: """
        Start a local stack with `hyte up`, see it with `hyte status`, stop it with `hyte down`.
        Every command reads HYTE_BUS, HYTE_DATA_DIR, HYTE_DATABASE_URL and the other HYTE_*
        variables; flags override them.
        """,
        subcommands: [Up.self, Status.self, Down.self, Ping.self, Example.self,
                      Org.self, PlanCommand.self, Audit.self, Indicator.self, PB.self, Report.self,
                      SurveyCommand.self, PanelCommand.self, HearingCommand.self, EventCommand.self,
                      AssessmentCommand.self])
}
