import SiteModel

/// An indicator against its baseline and target, as inline SVG: a track from
/// the baseline (left) to the target (right), filled as far as the latest
/// value has come. The numbers are printed under the bar and in the page's
/// text; the `<title>` gives them to screen readers.
enum IndicatorBarChart {
    static func svg(_ item: IndicatorProgress, title: String, baselineLabel: String, targetLabel: String,
                    currentLabel: String) -> TrustedHTML? {
        guard let baseline = item.indicator.baseline, let target = item.indicator.target else { return nil }
        let unit = item.indicator.unit ?? ""
        let track = 280.0, left = 10.0
        let fraction = item.fractionOfTarget ?? 0
        var svg = "<svg class=\"indicator-bar\" viewBox=\"0 0 300 58\" role=\"img\" focusable=\"false\">"
        svg += "<title>\(escapeHTML(title))</title>"
        svg += "<rect x=\"\(SVGNumber(left))\" y=\"18\" width=\"\(SVGNumber(track))\" height=\"16\" fill=\"#eaeef2\" stroke=\"#57606a\" stroke-width=\"1\"/>"
        if item.current != nil {
            svg += "<rect x=\"\(SVGNumber(left))\" y=\"18\" width=\"\(SVGNumber(track * fraction))\" height=\"16\" fill=\"#0969da\"/>"
        }
        svg += "<line x1=\"\(SVGNumber(left + track))\" y1=\"12\" x2=\"\(SVGNumber(left + track))\" y2=\"40\" stroke=\"#1f2328\" stroke-width=\"2\"/>"
        svg += text(x: left, y: 52, anchor: "start", "\(baselineLabel) \(formatValue(baseline))\(unit)")
        svg += text(x: left + track, y: 52, anchor: "end", "\(targetLabel) \(formatValue(target))\(unit)")
        if let current = item.current {
            let x = left + track * fraction
            let anchor = fraction < 0.2 ? "start" : (fraction > 0.8 ? "end" : "middle")
            svg += text(x: x, y: 12, anchor: anchor, "\(currentLabel) \(formatValue(current.value))\(unit)")
        }
        svg += "</svg>"
        return TrustedHTML(svg)
    }

    static func text(x: Double, y: Double, anchor: String, _ content: String) -> String {
        "<text x=\"\(SVGNumber(x))\" y=\"\(SVGNumber(y))\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#1f2328\">\(escapeHTML(content))</text>"
    }
}

/// An indicator value as readers see it: whole numbers without ".0", else one or two decimals.
func formatValue(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return SVGNumber(value)
}
