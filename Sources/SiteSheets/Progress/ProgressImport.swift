import Foundation
import SiteModel

/// `gen-site import progress`: reads the filled-in forms, merges them and checks
/// the report as the build would read it. Nothing is written here: the caller
/// writes `text` only when there is no error.
public enum ProgressImport {
    public struct Outcome: Sendable {
        /// The report's YAML; nil when there is an error.
        public var text: String?
        public var merged: ProgressMerger.Result?
        /// Tasks of the replaced report that no form answers, kept.
        public var kept: [TaskNumber] = []
        public var diagnostics = Diagnostics()
    }

    /// - Parameters:
    ///   - files: each form's path as given and its bytes.
    ///   - reportPath: the report's path in the content folder (`plans/<id>/progress/<YYYY-MM>.yaml`).
    ///   - otherReports: the plan's other reports, for their order.
    public static func run(files: [(path: String, data: Data)], plan: Plan, directory: UnitDirectory, period: ReportPeriod,
                           asOf: Day?, replacing existing: ProgressReportText.Existing?, reportPath: String,
                           otherReports: [SourceFile]) -> Outcome {
        var outcome = Outcome()
        var forms: [FilledForm] = []
        for file in files {
            let (sheets, readDiagnostics) = SheetFile.read(file.data, file: file.path)
            outcome.diagnostics.append(contentsOf: readDiagnostics)
            guard !sheets.isEmpty else { continue }
            if let form = ProgressFormReader.read(sheets, diagnostics: &outcome.diagnostics) { forms.append(form) }
        }
        let merger = ProgressMerger(plan: plan, period: period, directory: directory, asOf: asOf)
        guard let merged = merger.merge(forms, diagnostics: &outcome.diagnostics), !outcome.diagnostics.hasErrors else { return outcome }
        let (text, kept) = ProgressReportText.yaml(merged, plan: plan, period: period, replacing: existing)
        let (_, check) = PlanFileCheck.reports(otherReports.filter { $0.path != reportPath } + [SourceFile(path: reportPath, text: text)],
                                               plan: plan)
        // Its warnings are the readers' again, at the report's lines instead of the forms' cells.
        outcome.diagnostics.append(contentsOf: check.items.filter { $0.severity == .error })
        guard !check.hasErrors else { return outcome }
        outcome.text = text
        outcome.merged = merged
        outcome.kept = kept
        return outcome
    }
}
