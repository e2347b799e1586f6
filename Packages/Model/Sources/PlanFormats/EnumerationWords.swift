import Model

/// The words a file may use for each enumeration of the model, for error messages.
enum EnumerationWords {
    static let allowed: [String: [String]] = [
        "PlanKind": PlanKind.allCases.map(\.rawValue),
        "PlanState": PlanState.allCases.map(\.rawValue),
        "Language": Language.allCases.map(\.rawValue),
        "MeasureKind": MeasureKind.allCases.map(\.rawValue),
        "Direction": Direction.allCases.map(\.rawValue),
        "ActionStatus": ActionStatus.allCases.map(\.rawValue),
        "PreventionLevel": PreventionLevel.allCases.map(\.rawValue),
        "Difficulty": Difficulty.allCases.map(\.rawValue),
        "Impact": Impact.allCases.map(\.rawValue),
        "ScheduleMode": ScheduleMode.allCases.map(\.rawValue),
        "OrganisationKind": OrganisationKind.allCases.map(\.rawValue),
    ]
}
