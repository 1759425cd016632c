import Yams

/// Decodes tasks.yaml into a plan's groups, tasks and indicators.
enum TasksDecoder {
    static let keys = ["groups", "tasks", "indicators"]
    static let taskKeys = ["no", "group", "title", "leaders", "lead", "responsible", "cooperating", "requirements",
                           "due", "milestones", "remarks", "tags"]

    static func decode(_ file: SourceFile, into plan: inout Plan, diagnostics: inout Diagnostics) {
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return }
        var reader = YAMLReader(file: file.path, source: file.text)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = reader.mapping(root, "tasks.yaml") else { return }
        reader.checkKeys(map, known: keys)

        var groupSeen: [GroupID: SourceLocation] = [:]
        if let node = map["groups"] {
            for item in reader.list(node, "groups") {
                guard let entry = reader.mapping(item, "group") else { continue }
                reader.checkKeys(entry, known: ["id", "title"])
                guard let id = reader.required(entry, "id", "group").flatMap({ reader.identifier($0, "group id") }),
                      let title = reader.required(entry, "title", "group").flatMap({ reader.text($0, "title") })
                else { continue }
                let groupID = GroupID(id)
                if let first = groupSeen[groupID] {
                    reader.error(.duplicateId, entry["id"], "章节编号重复 (duplicate group id): \(id)", hint: "first defined at \(first)")
                    continue
                }
                groupSeen[groupID] = reader.location(entry["id"])
                plan.groups.append(TaskGroup(id: groupID, title: title))
            }
        }

        guard let tasksNode = reader.required(map, "tasks", "tasks.yaml") else { return }
        var numbers: [TaskNumber: SourceLocation] = [:]
        for item in reader.list(tasksNode, "tasks") {
            guard let entry = reader.mapping(item, "task") else { continue }
            reader.checkKeys(entry, known: taskKeys)
            guard let noNode = reader.required(entry, "no", "task"), let no = reader.string(noNode, "no") else { continue }
            guard TaskNumber.isValid(no) else {
                reader.error(.invalidTaskNumber, noNode, "序号无效 (invalid task number): \(no)",
                             hint: "a number such as 7 (no leading zero), or letters, digits, . and - such as 2-1")
                continue
            }
            let number = TaskNumber(no)
            if let first = numbers[number] {
                reader.error(.duplicateTask, noNode, "序号重复 (duplicate task number): \(no)", hint: "first used at \(first)")
                continue
            }
            numbers[number] = reader.location(noNode)
            guard let title = reader.required(entry, "title", "task").flatMap({ reader.text($0, "title") }) else { continue }
            var task = PlanTask(number: number, title: title, location: reader.location(item))
            if let node = entry["group"], let id = reader.identifier(node, "group") {
                if groupSeen[GroupID(id)] == nil {
                    reader.error(.unknownGroup, node, "未知章节 (unknown group): \(id)",
                                 hint: nearest(id, in: plan.groups.map(\.id.rawValue)).map { "did you mean \($0)?" } ?? "declare it under groups:")
                } else {
                    task.group = GroupID(id)
                }
            }
            if let node = entry["leaders"] {
                task.leaders = reader.list(node, "leaders").compactMap { reader.text($0, "leader") }
            }
            task.lead = reader.unitReferences(entry["lead"], "lead")
            task.responsible = reader.unitReferences(entry["responsible"], "responsible")
            task.cooperating = reader.unitReferences(entry["cooperating"], "cooperating")
            if let node = entry["requirements"], let markdown = reader.markdown(node, "requirements") {
                task.requirements = markdown.text
                task.requirementsOrigins = markdown.origins
            }
            task.due = entry["due"].flatMap { reader.day($0, "due") }
            if let node = entry["milestones"] {
                for milestone in reader.list(node, "milestones") {
                    guard let m = reader.mapping(milestone, "milestone") else { continue }
                    reader.checkKeys(m, known: ["date", "what"])
                    guard let date = reader.required(m, "date", "milestone").flatMap({ reader.day($0, "date") }),
                          let what = reader.required(m, "what", "milestone").flatMap({ reader.text($0, "what") })
                    else { continue }
                    task.milestones.append(Milestone(date: date, what: what))
                }
                task.milestones.sort { $0.date < $1.date }
            }
            if let node = entry["remarks"], let markdown = reader.markdown(node, "remarks") {
                task.remarks = markdown.text
                task.remarksOrigins = markdown.origins
            }
            if let node = entry["tags"] {
                task.tags = reader.list(node, "tags").compactMap { reader.string($0, "tag") }
            }
            plan.tasks.append(task)
        }
        if plan.tasks.isEmpty {
            reader.error(.noTasks, tasksNode, "责任清单为空 (the plan lists no tasks)",
                         hint: "add at least one task under tasks:")
        }

        if let node = map["indicators"] {
            var seen = Set<String>()
            for item in reader.list(node, "indicators") {
                guard let entry = reader.mapping(item, "indicator") else { continue }
                reader.checkKeys(entry, known: ["id", "title", "unit", "baseline", "target", "direction"])
                guard let id = reader.required(entry, "id", "indicator").flatMap({ reader.identifier($0, "indicator id") }),
                      let title = reader.required(entry, "title", "indicator").flatMap({ reader.text($0, "title") })
                else { continue }
                guard seen.insert(id).inserted else {
                    reader.error(.duplicateId, entry["id"], "指标编号重复 (duplicate indicator id): \(id)")
                    continue
                }
                var indicator = Indicator(id: id, title: title)
                indicator.unit = entry["unit"].flatMap { reader.string($0, "unit") }
                indicator.baseline = entry["baseline"].flatMap { reader.number($0, "baseline") }
                indicator.target = entry["target"].flatMap { reader.number($0, "target") }
                indicator.direction = entry["direction"].flatMap { reader.choice($0, "direction", Indicator.Direction.self) } ?? .up
                plan.indicators.append(indicator)
            }
        }
    }
}

/// The nearest candidate within reach of `text`, for a "did you mean" hint.
func nearest(_ text: String, in candidates: [String]) -> String? {
    Suggestions.nearest(text, in: candidates).first
}
