import Foundation
import SiteModel

/// Progress forms as files: .xlsx (the form and its instructions) or .csv (the form's sheet).
public enum ProgressFormExport {
    public static func data(_ form: ProgressForm, csv: Bool) throws(XLSXWriter.Failure) -> Data {
        let sheets = form.worksheets
        if csv { return CSVTable.write(sheets[0]) }
        return try XLSXWriter.data(sheets, title: form.title)
    }

    /// One form per unit that the plan's tasks name, by file name (the unit's short
    /// Chinese name, else its name; its id where two units would share one), in id order.
    public static func perUnit(plan: Plan, units: [SiteModel.Unit], period: ReportPeriod, issuer: BilingualText?) -> [(name: String, form: ProgressForm)] {
        let named = Set(plan.tasks.flatMap { $0.lead + $0.responsible + $0.cooperating }.compactMap(\.id))
        let chosen = units.filter { named.contains($0.id) }.sorted { $0.id < $1.id }
        func base(_ unit: SiteModel.Unit) -> String {
            let name = unit.short?.zh ?? unit.name.zh ?? unit.id.rawValue
            let cleaned = String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 }).trimmingWhitespace
            return cleaned.isEmpty || cleaned.hasPrefix(".") ? unit.id.rawValue : cleaned
        }
        var counts: [String: Int] = [:]
        for unit in chosen { counts[base(unit), default: 0] += 1 }
        return chosen.map { unit in
            let name = counts[base(unit), default: 0] > 1 ? "\(base(unit))-\(unit.id.rawValue)" : base(unit)
            return (name, ProgressForm(plan: plan, unit: unit, period: period, issuer: issuer))
        }
    }
}
