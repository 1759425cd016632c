import ArgumentParser
import Foundation
import SiteModel

/// `gen-site new plan|notice|report`: writes a well-formed skeleton with
/// today's date (or `--date`) and the next free name, and never overwrites.
/// Every stand-in value carries the marker 【待填写】, which `check` and
/// `build` report (`unfinished-skeleton`) until it is replaced.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a skeleton plan, notice or progress report into the content folder.",
        discussion: """
            gen-site new plan --id putuo-2026            plans/putuo-2026/plan.md and tasks.yaml
            gen-site new notice [--slug spring-check]    notices/<date>-<slug>.md (next free notice-N without --slug)
            gen-site new report --plan lvxiang-2024-2026 plans/<id>/progress/<YYYY-MM>.yaml for the month of --date,
                                                         every task listed with its latest status
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case plan, notice, report
    }

    @Argument(help: "What to create: plan, notice or report.")
    var kind: Kind

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The new plan's id (plan).")
    var id: String?

    @Option(name: .long, help: "The notice's slug (notice; default: the next free notice-N).")
    var slug: String?

    @Option(name: .long, help: "The plan the report belongs to (report).")
    var plan: String?

    @Option(name: .long, help: "The date to use instead of today (YYYY-MM-DD).")
    var date: String?

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date must be a real day written YYYY-MM-DD") }
        switch kind {
        case .plan:
            guard let id else { throw ValidationError("new plan needs --id") }
            guard IdentifierSyntax.isValid(id) else { throw ValidationError("--id: lowercase ASCII letters, digits and hyphens") }
        case .notice:
            if let slug, !IdentifierSyntax.isValid(slug) { throw ValidationError("--slug: lowercase ASCII letters, digits and hyphens") }
        case .report:
            guard plan != nil else { throw ValidationError("new report needs --plan") }
        }
    }

    func run() throws {
        let day = date.flatMap(Day.init(iso:)) ?? Build.today()
        let files: [(String, String)]
        switch kind {
        case .plan:
            // The issuer and the first task's unit: an existing unit, or a placeholder appended to units.yaml.
            let (site, _) = ContentPipeline.run(contentRoot: content, buildDate: day, today: day)
            if let unit = site?.units.first {
                files = Skeleton.plan(id: id ?? "", day: day, unit: unit.id.rawValue)
            } else {
                let placeholder = "\(id ?? "")-issuer"
                files = Skeleton.plan(id: id ?? "", day: day, unit: placeholder)
                let units = URL(fileURLWithPath: content).appendingPathComponent("units.yaml")
                var text = (try? String(contentsOf: units, encoding: .utf8)) ?? ""
                if text.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" { text = "" }
                if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                text += "- id: \(placeholder)\n  name: {zh: \(marker)发布机构全称, en: \(marker)Issuing body}\n  kind: committee\n"
                try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: units)
                Terminal.out("added the unit \(placeholder) to \(content)/units.yaml\n")
            }
        case .notice: files = [Skeleton.notice(content: content, slug: slug, day: day)]
        case .report:
            guard let (path, text) = try Skeleton.report(content: content, plan: plan ?? "", day: day) else { throw ExitCode(1) }
            files = [(path, text)]
        }
        let fm = FileManager.default
        for (path, _) in files where fm.fileExists(atPath: content + "/" + path) {
            Terminal.err("gen-site new: \(content)/\(path) exists; nothing was written\n")
            throw ExitCode(1)
        }
        if kind == .plan, fm.fileExists(atPath: "\(content)/plans/\(id ?? "")") {
            Terminal.err("gen-site new: \(content)/plans/\(id ?? "") exists; nothing was written\n")
            throw ExitCode(1)
        }
        for (path, text) in files {
            let url = URL(fileURLWithPath: content).appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            Terminal.out("wrote \(content)/\(path)\n")
        }
    }
}

/// The stand-in marker of every skeleton value (SkeletonMarkers).
let marker = SkeletonMarkers.marker

/// The skeletons' text: well-formed content whose stand-ins `gen-site check` reports
/// (`unfinished-skeleton`) until each is replaced and its 【待填写】 deleted.
enum Skeleton {
    static func plan(id: String, day: Day, unit: String) -> [(String, String)] {
        let plan = """
            ---
            id: \(id)
            title:
              zh: \(marker)方案标题
              en: \(marker)Plan title
            doc_number: \(marker)文号，如 某安委〔\(day.year)〕1号
            issuer: \(unit)   # \(marker)发布机构：units.yaml 中的单位 id (the issuing unit's id)
            issued: \(day)   # \(marker)成文日期 (the date on the document)
            period: {start: \(day.year)-01-01, end: \(day.year)-12-31}   # \(marker)实施期限 (the period it covers)
            level: town   # \(marker)district | town | subdistrict | city
            category: {zh: 安全生产, en: Work safety}
            disclosure: {zh: 主动公开, en: Proactive disclosure}
            ---

            \(marker)正文第一段。

            ## 一、\(marker)第一章标题 {#part-1}

            1. \(marker)第一项任务。（责任单位：……）

            """
        let tasks = """
            # The responsibility list: one entry per task (see docs/content-format.md).
            groups:
              - id: part-1
                title: {zh: 一、\(marker)第一章标题, en: I. \(marker)First chapter}
            tasks:
              - no: 1
                group: part-1
                title: {zh: \(marker)第一项任务, en: \(marker)First task}
                responsible: [\(unit)]   # \(marker)责任单位 (the responsible units' ids)
                due: \(day.year)-12-31   # \(marker)完成时限 (the due date)

            """
        return [("plans/\(id)/plan.md", plan), ("plans/\(id)/tasks.yaml", tasks)]
    }

    static func notice(content: String, slug: String?, day: Day) -> (String, String) {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: content + "/notices")) ?? []
        var name = slug ?? ""
        if name.isEmpty {
            var number = 1
            while existing.contains(where: { $0.hasSuffix("-notice-\(number).md") }) { number += 1 }
            name = "notice-\(number)"
        }
        let text = """
            ---
            title:
              zh: \(marker)通知标题
              en: \(marker)Notice title
            summary: {zh: \(marker)一句话摘要。, en: \(marker)A one-sentence summary.}
            tags: []
            ---

            \(marker)通知正文。

            """
        return ("notices/\(day)-\(name).md", text)
    }

    /// A report for the month of `day`, listing every task with its latest status and percent as a
    /// starting point, under a marker to delete once each is this month's; last month's note is a
    /// comment, not this month's note.
    static func report(content: String, plan planID: String, day: Day) throws -> (String, String)? {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: content, buildDate: day, today: day)
        guard let site, let plan = site.plan(PlanID(planID)) else {
            if diagnostics.hasErrors {
                Terminal.err(DiagnosticPrinter(format: .text, contentRoot: content).render(diagnostics))
            }
            Terminal.err("gen-site new: no plan \(planID) in \(content)\n")
            return nil
        }
        let period = "\(day.year)-\(day.month < 10 ? "0" : "")\(day.month)"
        let previous = plan.reports.last { $0.asOf < day }
        var text = "# \(marker)本期进展：逐项填写本月的状态、完成百分比和说明后删除此行。\n"
        text += "# Progress report of \(planID) for \(period). Each task starts from its latest status"
        text += previous.map { " (as of \($0.asOf))" } ?? ""
        text += "; set this month's status, percent and note, then delete the line above.\n"
        text += "as_of: \(day)\nupdates:\n"
        for task in plan.tasks {
            let progress = site.progress(plan.id, task.number)
            text += "  - task: \(yamlScalar(task.number.rawValue))\n"
            text += "    status: \(progress?.status.rawValue ?? "not_started")\n"
            if let percent = progress?.percent { text += "    percent: \(percent)\n" }
            if let note = progress?.note?.zh {
                let asOf = progress?.asOf.map { "（\($0)）" } ?? ""
                text += "    # 上期说明\(asOf) (last report's note): \(note.split(whereSeparator: \.isNewline).joined(separator: " "))\n"
            }
        }
        if !plan.indicators.isEmpty {
            text += "indicators:\n"
            for item in site.indicatorProgress[plan.id] ?? [] {
                let value = item.current?.value ?? item.indicator.baseline ?? 0
                text += "  - id: \(item.indicator.id)\n    value: \(value == value.rounded() ? String(Int(value)) : String(value))\n"
            }
        }
        return ("plans/\(planID)/progress/\(period).yaml", text)
    }

    /// A YAML double-quoted scalar.
    static func yamlScalar(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
