/// Links between plans, resolved across the site: each `supersedes`, `superseded_by` and
/// `amends` must name another plan of the site; each is recorded on both plans (a plan that
/// supersedes another makes that one superseded by it, and the other way round), and a plan
/// superseded by one issued on or before the build date is `superseded` unless its front
/// matter says otherwise (then a warning: the page would claim it is in force).
/// Interpretations given as pages must name a page of the site.
enum PlanLinks {
    static func resolve(_ plans: inout [Plan], pageSlugs: Set<String>, buildDate: Day, into diagnostics: inout Diagnostics) {
        let index = Dictionary(plans.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        func known(_ reference: PlanReference, from plan: Plan, _ key: String) -> Bool {
            guard reference.id != plan.id else {
                diagnostics.append(.error(.planRelation, at: reference.location, "方案不能\(verb(key))自身 (a plan cannot name itself in `\(key)`)"))
                return false
            }
            guard index[reference.id] != nil else {
                let near = plans.map(\.id.rawValue).filter { Suggestions.distance($0, reference.id.rawValue, limit: 3) != nil }.sorted()
                diagnostics.append(.error(.unknownPlan, at: reference.location, "未知方案 (unknown plan) \"\(reference.id)\"",
                                          hint: near.isEmpty ? "write the id (folder name) of a plan in plans/" : "did you mean \(near.joined(separator: ", "))?"))
                return false
            }
            return true
        }
        // Every link, as (older, newer): written on either side, recorded once on both.
        var replaced: [(older: Int, newer: Int, location: SourceLocation)] = []
        var amended: [(older: Int, newer: Int, location: SourceLocation)] = []
        for (position, plan) in plans.enumerated() {
            for reference in plan.relations.supersedes where known(reference, from: plan, "supersedes") {
                if let other = index[reference.id] { replaced.append((other, position, reference.location)) }
            }
            for reference in plan.relations.supersededBy where known(reference, from: plan, "superseded_by") {
                if let other = index[reference.id] { replaced.append((position, other, reference.location)) }
            }
            for reference in plan.relations.amends where known(reference, from: plan, "amends") {
                if let other = index[reference.id] { amended.append((other, position, reference.location)) }
            }
            for interpretation in plan.interpretations {
                if let page = interpretation.page, !pageSlugs.contains(page) {
                    diagnostics.append(.error(.unknownPage, at: interpretation.location, "未知页面 (no page pages/\(page).md)",
                                              hint: "write the interpretation as pages/\(page).md, or give its url"))
                }
            }
        }
        for index in plans.indices { plans[index].relations = PlanRelations() }
        func add(_ list: inout [PlanReference], _ id: PlanID, _ location: SourceLocation) {
            if !list.contains(where: { $0.id == id }) { list.append(PlanReference(id: id, location: location)) }
        }
        for link in replaced {
            add(&plans[link.newer].relations.supersedes, plans[link.older].id, link.location)
            add(&plans[link.older].relations.supersededBy, plans[link.newer].id, link.location)
        }
        for link in amended {
            add(&plans[link.newer].relations.amends, plans[link.older].id, link.location)
            add(&plans[link.older].relations.amendedBy, plans[link.newer].id, link.location)
        }
        for position in plans.indices {
            // In site order (newest first), whatever order they were written in.
            plans[position].relations.supersedes.sort { (index[$0.id] ?? 0) < (index[$1.id] ?? 0) }
            plans[position].relations.supersededBy.sort { (index[$0.id] ?? 0) < (index[$1.id] ?? 0) }
            plans[position].relations.amends.sort { (index[$0.id] ?? 0) < (index[$1.id] ?? 0) }
            plans[position].relations.amendedBy.sort { (index[$0.id] ?? 0) < (index[$1.id] ?? 0) }
        }
        checkCycles(plans, index: index, into: &diagnostics)

        // 有效性: superseded once a plan that replaces it has been issued.
        for position in plans.indices {
            let replacing = plans[position].relations.supersededBy.compactMap { index[$0.id].map { plans[$0] } }
                .filter { ($0.published ?? $0.issued) <= buildDate }
            guard let first = replacing.first else { continue }
            switch plans[position].statusBasis {
            case .stated:
                if plans[position].status == .inForce {
                    diagnostics.append(.warning(.planStatusConflict, at: plans[position].location,
                                                "有效性写为现行有效，但已被 \(first.id) 替代 (status: in_force, but \(first.id) supersedes this plan)",
                                                hint: "write status: superseded, or leave status out and the build works it out"))
                }
            case .period, .none, .replaced:
                plans[position].status = .superseded
                plans[position].statusBasis = .replaced
            }
        }
    }

    static func verb(_ key: String) -> String {
        switch key {
        case "amends": "修改"
        case "superseded_by": "被替代于"
        default: "替代"
        }
    }

    /// A plan may not, through `supersedes`, replace itself: A → B → A.
    static func checkCycles(_ plans: [Plan], index: [PlanID: Int], into diagnostics: inout Diagnostics) {
        var state = [Int](repeating: 0, count: plans.count)  // 0 new, 1 on the path, 2 done
        var reported = Set<Int>()
        func visit(_ node: Int, _ path: [Int]) {
            state[node] = 1
            for reference in plans[node].relations.supersedes {
                guard let next = index[reference.id] else { continue }
                if state[next] == 1 {
                    let cycle = (path + [node]).drop(while: { $0 != next })
                    if let first = cycle.min(), reported.insert(first).inserted {
                        let names = (cycle + [next]).map { plans[$0].id.rawValue }.joined(separator: " → ")
                        diagnostics.append(.error(.planRelation, at: reference.location,
                                                  "方案相互替代，形成循环 (plans supersede each other in a circle): \(names)",
                                                  hint: "the newer plan supersedes the older one, never the reverse"))
                    }
                } else if state[next] == 0 {
                    visit(next, path + [node])
                }
            }
            state[node] = 2
        }
        for node in plans.indices where state[node] == 0 { visit(node, []) }
    }
}
