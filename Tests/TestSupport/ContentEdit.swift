import Foundation

/// An everyday edit to a content file, as a publisher saves it: `replace` becomes `with` in
/// `file` (relative to the content folder `content`). The preview's tests make each on a copy.
public struct ContentEdit: Sendable, CustomStringConvertible {
    public var name: String
    public var file: String
    public var replace: String
    public var with: String
    public var content: String
    /// False when the preview's resolve cannot patch the site before it (units changed, a plan moved).
    public var patched: Bool

    public init(name: String, file: String, replace: String, with: String, content: String = Repository.content,
                patched: Bool = true) {
        self.name = name
        self.file = file
        self.replace = replace
        self.with = with
        self.content = content
        self.patched = patched
    }

    public var description: String { name }

    public struct NotFound: Error, CustomStringConvertible {
        public var description: String
    }

    /// Makes the edit in the copy of the content at `root`; an error when the file no longer holds `replace`.
    public func apply(in root: String) throws {
        let path = root + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard text.contains(replace) else { throw NotFound(description: "\(file) no longer holds \(replace)") }
        try text.replacingOccurrences(of: replace, with: with).write(toFile: path, atomically: false, encoding: .utf8)
    }

    // The example site's.
    public static let taskTitle = ContentEdit(name: "a task's title", file: "plans/lvxiang-2024-2026/tasks.yaml",
                                              replace: "进一步强化党委政府责任", with: "进一步强化党委政府安全生产责任")
    public static let taskLead = ContentEdit(name: "a task's lead unit", file: "plans/lvxiang-2024-2026/tasks.yaml",
                                             replace: "lead: [lvxiang-safety-committee-office]", with: "lead: [lvxiang-police-station]")
    public static let progressReport = ContentEdit(name: "a progress report", file: "plans/lvxiang-2024-2026/progress/2025-09.yaml",
                                                   replace: "status: in_progress", with: "status: done")
    public static let unitName = ContentEdit(name: "a unit's name", file: "units.yaml",
                                             replace: "上海市普陀区应急管理局", with: "上海市普陀区应急管理局（更名）", patched: false)

    /// Edits of every kind a publisher makes while the preview runs.
    public static let everyday: [ContentEdit] = [
        taskTitle,
        taskLead,
        ContentEdit(name: "a unit another plan names, newly named by this one", file: "plans/lvxiang-2024-2026/tasks.yaml",
                    replace: "lead: [lvxiang-safety-committee-office]", with: "lead: [putuo-emergency-bureau]"),
        ContentEdit(name: "a task renumbered (one task gone, another new)", file: "plans/lvxiang-2024-2026/tasks.yaml",
                    replace: "  - no: 2\n", with: "  - no: 99\n"),
        ContentEdit(name: "a plan's date, which moves it among the plans", file: "plans/lvxiang-2024-2026/plan.md",
                    replace: "issued: 2024-09-10", with: "issued: 2021-09-10", patched: false),
        ContentEdit(name: "a unit named that does not exist", file: "plans/lvxiang-2024-2026/tasks.yaml",
                    replace: "lead: [lvxiang-safety-committee-office]", with: "lead: [no-such-unit]"),
        progressReport,
        ContentEdit(name: "a plan's title", file: "plans/lvxiang-2024-2026/plan.md",
                    replace: "吕巷镇安全生产治本攻坚三年行动实施方案（2024—2026年）", with: "吕巷镇安全生产治本攻坚三年行动实施方案"),
        unitName,
        ContentEdit(name: "the site's title", file: "site.yaml", replace: "zh: 安全生产工作公开\n", with: "zh: 安全生产工作公开平台\n"),
        ContentEdit(name: "a hazard's lead unit", file: "hazards.yaml",
                    replace: "lead: lvxiang-planning-construction-office", with: "lead: lvxiang-police-station"),
        ContentEdit(name: "a notice's text", file: "notices/2024-09-10-lvxiang-2024-2026-published.md", replace: "。", with: "；"),
    ]
}
