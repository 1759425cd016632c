/// Every key a page view of SiteRender fills, spelt as the templates spell it
/// (`{{title_html}}`, `{{#has_toc}}`), so that a key is found by the same name
/// in Swift and in a template. Each is a slot: its raw value, the same for
/// every theme; a theme numbers its other names (its interface strings, a
/// site template's own names) after these (`TemplateKeyTable`).
///
/// Adding a key: add a case here (in HTML's group when it holds `TrustedHTML`).
public enum TemplateKey: Int, CaseIterable, Sendable {
    case about, accident_figure, accidents, accidents_change, alternates, anchor, areas, as_of, as_of_iso
    case attachments, attention, banners, baseline, breadcrumbs, canonical, categories, category_chart_year
    case cells, change, channels, `class`, closed, closed_hazards, closed_iso, colour, column_count, content
    case cooperating, count, cover, csv_href, current, current_date, current_plans, data_href, date, date_iso
    case days, deaths, deaths_change, delayed, dial, doc_number, done, due, due_iso, due_text, emergency, en_tag
    case facts, feed_href, fields, figures, file, files, filings, groups, has_attachments, has_attention
    case has_breadcrumbs, has_channels, has_closed, has_current_plans, has_filings, has_groups, has_guide
    case has_hazards, has_history, has_hotlines, has_identity, has_indicators, has_issued_plans, has_major
    case has_milestones, has_notices, has_open, has_other_plans, has_pagination, has_pending, has_plans
    case has_progress, has_remarks, has_reports, has_requirements, has_revisions, has_roles, has_scorecard
    case has_statistics, has_tags, has_text, has_title, has_toc, has_units, has_values, hazards_href, heading
    case history, home, home_en, home_zh, hotline_cards, hotlines, href, hreflang, id, identity, in_progress
    case indicators, injuries, is_current, is_en, is_fallback, is_notice, is_overdue, issued, issued_iso
    case issued_plans, item_level, items, json_href, kind, label, lang, lang_code, latest_notices, latest_report
    case lead, legend, listed, listed_iso, loss, major, meta, milestones, name, name_en, name_zh, nav, next
    case next_href, no, not_started, notices, notices_href, number, open_hazards, other_plans, overdue
    case overdue_after, overdue_before, overdue_count, overdue_since, page_meta, page_title, pagination, path
    case pending, pending_count, percent, period, period_ended, plan_href, plans, plans_en, plans_href, plans_zh
    case previous, previous_heading, previous_href, print_url, progress_as_of, progress_figures, progress_href
    case progress_intro, progress_links, progress_summary, publisher, readable_href, regions, report_href
    case reported_on, reports, responsible, revisions, roles, root, rows, sample, sample_download, scorecard
    case scorecard_figures, scorecard_intro, scorecard_total, search_index, search_script, sections
    case show_cooperating, show_due, show_lead, show_leaders, show_remarks, show_requirements, show_responsible
    case site_title, site_title_en, site_title_zh, size, status, status_class, sub, summary, summary_bar
    case switch_href, switch_label, switch_lang, t, t_en, t_zh, table, tag, tags, target, task_count, tasks
    case tasks_href, text, text_done, text_lang, text_pending, title, toc, tool_credit, total, totals_cover
    case translation_pending, unit_count, units, units_en, units_href, units_zh, value, values, year_headers
    case years, ytd

    // Keys whose values are HTML the generator made: the only ones `{{{…}}}` may write.
    case bar_html, category_chart_html, chart_html, cooperating_html, cover_letter_html, description_html
    case group_html, hours_html, how_html, intro_html, issuer_html, lead_html, leaders_html, location_html
    case name_html, note_html, plan_title_html, remarks_html, requirements_html, responsible_html, source_html
    case summary_html, text_html, title_html, trend_chart_html, units_html, use_html, value_html, what_html

    /// True for the keys that hold `.html`: a template may write these raw
    /// (`{{{…}}}`), and no other; a page view puts `.html` under these only
    /// (TemplateKeyTests checks every page of the fixtures).
    public var holdsHTML: Bool {
        switch self {
        case .bar_html, .category_chart_html, .chart_html, .cooperating_html, .cover_letter_html,
             .description_html, .group_html, .hours_html, .how_html, .intro_html, .issuer_html, .lead_html,
             .leaders_html, .location_html, .name_html, .note_html, .plan_title_html, .remarks_html,
             .requirements_html, .responsible_html, .source_html, .summary_html, .text_html, .title_html,
             .trend_chart_html, .units_html, .use_html, .value_html, .what_html:
            true
        default:
            false
        }
    }

    /// The key as templates write it.
    public var name: String { String(describing: self) }
}
