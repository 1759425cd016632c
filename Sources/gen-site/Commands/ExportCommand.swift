import ArgumentParser

/// `gen-site export progress-form|tasks`: spreadsheets out of the content, for
/// the units that report progress and for the office that keeps the list.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a unit's monthly progress form or a plan's responsibility list as a spreadsheet (.xlsx or .csv).",
        discussion: """
            gen-site export progress-form CONTENT --plan ID [--unit UNIT] [--period YYYY-MM] -o FILE.xlsx
            gen-site export progress-form CONTENT --plan ID [--period YYYY-MM] -o FOLDER/   (one form per unit)
            gen-site export tasks CONTENT --plan ID -o FILE.xlsx
            The forms come back with gen-site import progress, the list with gen-site import tasks
            (docs/spreadsheets.md).
            """,
        subcommands: [ExportProgressFormCommand.self, ExportTasksCommand.self]
    )
}
