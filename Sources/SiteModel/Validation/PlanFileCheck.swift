/// Decodes a plan's tasks.yaml or progress reports as the build does, for a
/// tool that is about to write one (the spreadsheet importers): what they
/// write is checked by the same decoder before it reaches the content folder.
public enum PlanFileCheck {
    /// `plan` with its groups, tasks and indicators replaced by those of `file`.
    public static func tasks(_ file: SourceFile, plan: Plan) -> (Plan, Diagnostics) {
        var plan = plan
        plan.groups = []
        plan.tasks = []
        plan.indicators = []
        var diagnostics = Diagnostics()
        TasksDecoder.decode(file, into: &plan, diagnostics: &diagnostics)
        return (plan, diagnostics)
    }

    /// `plan` with its reports replaced by `files` (every report of the plan, so that
    /// their order is checked too).
    public static func reports(_ files: [SourceFile], plan: Plan) -> (Plan, Diagnostics) {
        var plan = plan
        plan.reports = []
        var diagnostics = Diagnostics()
        ProgressDecoder.decode(files, into: &plan, diagnostics: &diagnostics)
        return (plan, diagnostics)
    }
}
