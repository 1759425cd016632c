import Foundation
import SiteModel

/// `/data/tasks.json`, `/data/progress.json` and `/data/hazards.json`: the
/// same information the pages show, from the same resolved model. The schema
/// is described on `/data/` (DataPage) and in docs/open-data.md.
public enum OpenData {
    /// Bumped when a field is renamed or removed; adding fields keeps it.
    public static let version = 1

    public static func files(_ context: RenderContext) -> [OutputFile] {
        var files = [OutputFile(path: "data/tasks.json", contents: .made { Data(tasks(context).serializedBytes()) }),
                     OutputFile(path: "data/progress.json", contents: .made { Data(progress(context).serializedBytes()) }),
                     OutputFile(path: "data/hazards.json", contents: .made { Data(hazards(context).serializedBytes()) })]
        if let statistics = context.site.statistics, let summary = context.site.statisticsSummary {
            // Made while written (a million rows are 20 MB of CSV and 180 MB of JSON), in one order.
            let order = statistics.records.publishedOrder()
            files.append(OutputFile(path: "data/accidents.csv", contents: .streamed { emit in
                AccidentData.csv(statistics.records, order: order, sample: statistics.isSample || context.site.site.isSample, emit: emit)
            }))
            files.append(OutputFile(path: "data/accidents.json", contents: .streamed { emit in
                AccidentData.json(context, statistics, order: order, summary, emit: emit)
            }))
        }
        return files
    }

    // MARK: - tasks.json

    public static func tasks(_ context: RenderContext) -> JSONValue {
        let site = context.site
        let plans = site.plans.map { plan -> JSONValue in
            .object([
                ("id", .string(plan.id.rawValue)),
                ("title", text(plan.title)),
                ("doc_number", .optional(plan.docNumber)),
                ("issuer", .optional(plan.issuer?.id?.rawValue)),
                ("issued", .string(plan.issued.description)),
                ("period", plan.period.map { .object([("start", .string($0.start.description)), ("end", .string($0.end.description))]) } ?? .null),
                ("status", plan.statusBasis == .none ? .null : .string(plan.status.rawValue)),
                ("url", urls(context, .plan(plan.id))),
                ("groups", .array(plan.groups.map { .object([("id", .string($0.id.rawValue)), ("title", text($0.title))]) })),
                ("tasks", .array(plan.tasks.map { task(context, plan, $0) })),
            ])
        }
        let units = site.units.map { unit -> JSONValue in
            .object([
                ("id", .string(unit.id.rawValue)),
                ("name", text(unit.name)),
                ("short", unit.short.map(text) ?? .null),
                ("kind", .string(unit.kind.rawValue)),
                ("area", unit.area.map(text) ?? .null),
                ("url", urls(context, .unit(unit.id))),
            ])
        }
        return .object(header(context) + [("plans", .array(plans)), ("units", .array(units))])
    }

    static func task(_ context: RenderContext, _ plan: Plan, _ task: PlanTask) -> JSONValue {
        .object([
            ("no", .string(task.number.rawValue)),
            ("group", .optional(task.group?.rawValue)),
            ("title", text(task.title)),
            ("leaders", .array(task.leaders.map(text))),
            ("lead", ids(task.lead)),
            ("responsible", ids(task.responsible)),
            ("cooperating", ids(task.cooperating)),
            ("requirements", task.requirements.map(text) ?? .null),
            ("due", .optional(task.due?.description)),
            ("milestones", .array(task.milestones.map { .object([("date", .string($0.date.description)), ("what", text($0.what))]) })),
            ("remarks", task.remarks.map(text) ?? .null),
            ("tags", .array(task.tags.map { .string($0) })),
            ("url", urls(context, .task(plan.id, task.number))),
        ])
    }

    // MARK: - progress.json

    public static func progress(_ context: RenderContext) -> JSONValue {
        let site = context.site
        let plans = site.plans.map { plan -> JSONValue in
            let tasks = plan.tasks.map { task -> JSONValue in
                guard let progress = site.progress(plan.id, task.number) else { return .null }
                return .object([
                    ("no", .string(task.number.rawValue)),
                    ("status", .string(progress.status.rawValue)),
                    ("percent", .optional(progress.percent)),
                    ("as_of", .optional(progress.asOf?.description)),
                    ("overdue", .bool(progress.isOverdue)),
                    ("overdue_since", .optional(progress.overdueSince?.description)),
                    ("note", progress.note.map(text) ?? .null),
                    ("history", .array(progress.history.map { entry in
                        .object([
                            ("period", .string(entry.period)),
                            ("as_of", .string(entry.asOf.description)),
                            ("status", .string(entry.status.rawValue)),
                            ("percent", .optional(entry.percent)),
                            ("note", entry.note.map(text) ?? .null),
                        ])
                    })),
                ])
            }
            let indicators = (site.indicatorProgress[plan.id] ?? []).map { item -> JSONValue in
                .object([
                    ("id", .string(item.indicator.id)),
                    ("title", text(item.indicator.title)),
                    ("unit", .optional(item.indicator.unit)),
                    ("baseline", .number(item.indicator.baseline)),
                    ("target", .number(item.indicator.target)),
                    ("direction", .string(item.indicator.direction.rawValue)),
                    ("current", .number(item.current?.value)),
                    ("as_of", .optional(item.current?.date.description)),
                    ("values", .array(item.values.map { .object([("date", .string($0.date.description)), ("value", .number($0.value))]) })),
                ])
            }
            let reports = plan.reports.filter { $0.asOf <= site.buildDate }.map { report -> JSONValue in
                .object([("period", .string(report.period)), ("as_of", .string(report.asOf.description)),
                         ("tasks_reported", .int(report.updates.count))])
            }
            return .object([
                ("id", .string(plan.id.rawValue)),
                ("status", plan.statusBasis == .none ? .null : .string(plan.status.rawValue)),
                ("url", urls(context, .progress(plan.id))),
                ("counts", counts(site.counts(plan))),
                ("reports", .array(reports)),
                ("tasks", .array(tasks)),
                ("indicators", .array(indicators)),
            ])
        }
        return .object(header(context) + [("in_force", counts(site.countsInForce)), ("plans", .array(plans))])
    }

    static func counts(_ counts: StatusCounts) -> JSONValue {
        .object([("total", .int(counts.total)), ("not_started", .int(counts.notStarted)), ("in_progress", .int(counts.inProgress)),
                 ("delayed", .int(counts.delayed)), ("done", .int(counts.done)), ("overdue", .int(counts.overdue))])
    }

    // MARK: - hazards.json

    public static func hazards(_ context: RenderContext) -> JSONValue {
        let site = context.site
        let items = site.hazards.map { hazard -> JSONValue in
            .object([
                ("id", .string(hazard.id)),
                ("name", text(hazard.name)),
                ("location", hazard.location.map(text) ?? .null),
                ("lead", .optional(hazard.lead?.id?.rawValue)),
                ("cooperating", ids(hazard.cooperating)),
                ("listed", .string(hazard.listed.description)),
                ("due", .optional(hazard.due?.description)),
                ("status", .string(hazard.status.rawValue)),
                ("closed", .optional(hazard.closed?.description)),
                ("days_open", .int(hazard.daysOpen(at: site.buildDate))),
                ("overdue", .bool(hazard.isOverdue(at: site.buildDate))),
                ("description", hazard.description.map(text) ?? .null),
            ])
        }
        return .object(header(context) + [("url", urls(context, .hazards)), ("hazards", .array(items))])
    }

    // MARK: - Pieces

    static func header(_ context: RenderContext) -> [(String, JSONValue)] {
        [("version", .int(version)), ("build_date", .string(context.site.buildDate.description)),
         ("sample", .bool(context.site.isSample))]
    }

    static func text(_ text: BilingualText) -> JSONValue {
        .object([("zh", .optional(text.zh)), ("en", .optional(text.en))])
    }

    static func ids(_ refs: [UnitReference]) -> JSONValue {
        .array(refs.compactMap { $0.id.map { .string($0.rawValue) } })
    }

    /// The page's absolute address in each language.
    static func urls(_ context: RenderContext, _ route: PageRoute) -> JSONValue {
        .object(context.languages.map { ($0.rawValue, .string(context.baseURL + PageAddress(route, $0).path)) })
    }
}
