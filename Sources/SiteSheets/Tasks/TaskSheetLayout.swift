/// The columns of a responsibility list (责任清单) as a sheet. The export writes
/// them in this order with these headers; the reader knows a column by the words
/// of its header, as offices write them (序号, 任务/工作内容, 牵头领导,
/// 牵头单位/责任单位, 配合单位, 完成时限, 工作要求, 备注…), in any order.
enum TaskColumn: Int, CaseIterable, Sendable {
    case number = 1, title, leaders, lead, responsible, cooperating, due, requirements, remarks, tags, milestones
    case group, titleEN, leadersEN, requirementsEN, remarksEN, milestonesEN

    var header: String {
        switch self {
        case .number: "序号"
        case .title: "重点任务"
        case .leaders: "牵头领导"
        case .lead: "牵头单位"
        case .responsible: "责任单位"
        case .cooperating: "配合单位"
        case .due: "完成时限"
        case .requirements: "工作要求"
        case .remarks: "备注"
        case .tags: "行业领域"
        case .milestones: "节点安排"
        case .group: "章节编号\nGroup id"
        case .titleEN: "任务（英文）\nTask (English)"
        case .leadersEN: "牵头领导（英文）\nLeaders (English)"
        case .requirementsEN: "工作要求（英文）\nRequirements (English)"
        case .remarksEN: "备注（英文）\nRemarks (English)"
        case .milestonesEN: "节点安排（英文）\nMilestones (English)"
        }
    }

    var width: Double {
        switch self {
        case .number: 6
        case .title: 24
        case .leaders: 10
        case .lead, .responsible, .cooperating: 16
        case .due: 11
        case .requirements: 50
        case .remarks: 16
        case .tags: 10
        case .milestones: 24
        case .group: 12
        case .titleEN: 24
        case .leadersEN: 14
        case .requirementsEN: 50
        case .remarksEN: 16
        case .milestonesEN: 24
        }
    }

    /// The English column of a Chinese one.
    var english: TaskColumn? {
        switch self {
        case .title: .titleEN
        case .leaders: .leadersEN
        case .requirements: .requirementsEN
        case .remarks: .remarksEN
        case .milestones: .milestonesEN
        default: nil
        }
    }

    /// The column a header names; nil for a column the list does not know (its cells are kept in the remarks).
    static func named(_ header: String) -> TaskColumn? {
        let words = header.filter { !$0.isWhitespace }
        let lowered = words.lowercased()
        if words.contains("章节编号") || lowered.contains("groupid") { return .group }
        if words.contains("英文") || lowered.contains("english") {
            if words.contains("领导") || lowered.contains("leader") { return .leadersEN }
            if words.contains("节点") || lowered.contains("milestone") { return .milestonesEN }
            if words.contains("要求") || lowered.contains("requirement") { return .requirementsEN }
            if words.contains("备注") || lowered.contains("remark") { return .remarksEN }
            if words.contains("任务") || lowered.contains("task") { return .titleEN }
            return nil
        }
        if words.contains("领导") { return .leaders }
        if words.contains("牵头") { return .lead }
        if words.contains("配合") || words.contains("协同") || words.contains("协办") || words.contains("协助") { return .cooperating }
        if words.contains("责任单位") || words.contains("责任部门") || words.contains("主责") || words.contains("责任主体") { return .responsible }
        if words.contains("节点安排") || words.contains("里程碑") { return .milestones }
        if words.contains("时限") || words.contains("时间") || words.contains("期限") || words.contains("截止") { return .due }
        if words.contains("要求") || words.contains("措施") { return .requirements }
        if words.contains("备注") { return .remarks }
        if words.contains("领域") || words.contains("标签") { return .tags }
        if words.contains("序号") || words == "编号" || words.contains("序") && words.count <= 3 { return .number }
        if words.contains("任务") || words.contains("内容") || words.contains("事项") || words.contains("项目") { return .title }
        return nil
    }
}

/// The columns of the indicators' table (a sheet of its own, or below the tasks in CSV).
enum IndicatorColumn: Int, CaseIterable, Sendable {
    case id = 1, title, titleEN, unit, baseline, target, direction

    var header: String {
        switch self {
        case .id: "指标编号\nIndicator id"
        case .title: "指标"
        case .titleEN: "指标（英文）\nIndicator (English)"
        case .unit: "计量单位\nUnit"
        case .baseline: "基线值\nBaseline"
        case .target: "目标值\nTarget"
        case .direction: "方向\nDirection (up/down)"
        }
    }

    var width: Double {
        switch self {
        case .id: 24
        case .title, .titleEN: 40
        case .unit, .baseline, .target: 10
        case .direction: 14
        }
    }

    static func named(_ header: String) -> IndicatorColumn? {
        let words = header.filter { !$0.isWhitespace }
        let lowered = words.lowercased()
        if words.contains("指标编号") || lowered.contains("indicatorid") { return .id }
        if words.contains("英文") || lowered.contains("english") { return .titleEN }
        if words.contains("计量单位") || lowered == "unit" { return .unit }
        if words.contains("基线") || lowered.contains("baseline") { return .baseline }
        if words.contains("目标") || lowered.contains("target") { return .target }
        if words.contains("方向") || lowered.contains("direction") { return .direction }
        if words.contains("指标") { return .title }
        return nil
    }
}

enum TaskSheetNames {
    static let tasks = "责任清单"
    static let indicators = "指标 Indicators"
    static let instructions = "说明 Instructions"
}
