import SiteModel

/// A stacked horizontal bar of task statuses, as inline SVG. The counts are
/// always shown as text beside it too; the bar's `<title>` repeats them for
/// screen readers, and each status has its own colour and position.
enum StatusBarChart {
    /// Drawing order, left to right.
    static let order: [TaskStatus] = [.done, .inProgress, .delayed, .notStarted]

    static func colour(_ status: TaskStatus) -> String {
        switch status {
        case .done: "#1a7f37"
        case .inProgress: "#0969da"
        case .delayed: "#bc4c00"
        case .notStarted: "#8c959f"
        }
    }

    /// `title` is the accessible description, e.g. "完成 3，推进中 5…".
    static func svg(_ counts: StatusCounts, title: String) -> TrustedHTML {
        let width = 300.0, height = 16.0
        var svg = "<svg class=\"status-bar\" viewBox=\"0 0 300 16\" preserveAspectRatio=\"none\" role=\"img\" focusable=\"false\">"
        svg += "<title>\(escapeHTML(title))</title>"
        svg += "<rect x=\"0\" y=\"0\" width=\"300\" height=\"16\" fill=\"#eaeef2\"/>"
        let total = counts.total
        if total > 0 {
            var x = 0.0
            for status in order where counts[status] > 0 {
                let w = width * Double(counts[status]) / Double(total)
                svg += "<rect x=\"\(SVGNumber(x))\" y=\"0\" width=\"\(SVGNumber(w))\" height=\"\(SVGNumber(height))\" fill=\"\(colour(status))\"/>"
                x += w
            }
        }
        svg += "</svg>"
        return TrustedHTML(svg)
    }
}

/// A number for an SVG attribute: at most two decimals, no trailing zeros. Total: content
/// numbers are at most 10¹² (ContentNumber), and anything beyond ±10¹³ or not finite is
/// clamped instead of trapping in the conversion to `Int`.
func SVGNumber(_ value: Double) -> String {
    let bounded = value.isFinite ? min(max(value, -1e13), 1e13) : 0
    let hundredths = Int((bounded * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let whole = magnitude / 100, fraction = magnitude % 100
    if fraction == 0 { return "\(sign)\(whole)" }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
    return "\(sign)\(whole).\(digits)"
}
