import SiteModel

/// `/units/`: every unit, grouped by area, with how many tasks it takes part in.
enum UnitListPage {
    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.units, language))
        let site = context.site
        // Areas in order of first appearance in the sorted plan list, then by name.
        var areaOrder: [String] = []
        var byArea: [String: [Unit]] = [:]
        var areaTitle: [String: BilingualText] = [:]
        for unit in site.units {
            let key = unit.area?.zh ?? unit.area?.en ?? ""
            if byArea[key] == nil { areaOrder.append(key) }
            byArea[key, default: []].append(unit)
            if let area = unit.area { areaTitle[key] = area }
        }
        areaOrder.sort { a, b in a.isEmpty != b.isEmpty ? !a.isEmpty : a < b }
        var areas: [TemplateObject] = []
        for key in areaOrder {
            let units = (byArea[key] ?? []).sorted { a, b in
                let ak = sortKey(a, language), bk = sortKey(b, language)
                return ak != bk ? ak < bk : a.id < b.id
            }
            areas.append([
                .title_html: .html(areaTitle[key].map { page.inline($0) } ?? TrustedHTML(text: page.t("units_other_area"))),
                .anchor: .text("area-\(areas.count + 1)"),
                .units: .objects(units.map { unit in
                    let assignments = site.assignments(of: unit.id)
                    return [.href: .text(page.href(.unit(unit.id))),
                            .name_html: .html(page.inline(unit.name)),
                            .kind: .text(page.t("kind_\(unit.kind.rawValue)")),
                            .lead: .number(assignments.count { $0.role == .lead }),
                            .responsible: .number(assignments.count { $0.role == .responsible }),
                            .cooperating: .number(assignments.count { $0.role == .cooperating })]
                }),
            ])
        }
        let view: TemplateObject = [.areas: .objects(areas), .unit_count: .number(site.units.count)]
        return page.layout("units", title: page.t("units_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("units_title"), nil)],
                           page: view)
    }

    /// Chinese names sort by their UTF-8 text (stable, locale-free); English by lowercase name.
    static func sortKey(_ unit: Unit, _ language: Language) -> String {
        let text = unit.name.localized(language).text
        return language == .en ? text.lowercased() : text
    }
}
