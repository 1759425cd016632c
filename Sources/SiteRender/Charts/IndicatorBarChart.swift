import SiteModel

/// An indicator against its baseline and target, as inline SVG: a track from
/// the baseline (left) to the target (right), filled as far as the latest
/// value has come. The numbers are printed under the bar and in the page's
/// text; the `<title>` gives them to screen readers.
enum IndicatorBarChart {
    /// Like BarChart, drawn in em of the chart's font size and percent of its width, so that it
    /// takes the page's width at any size with its text never smaller than the page sets it.
    static func svg(_ item: IndicatorProgress, title: String, baselineLabel: String, targetLabel: String,
                    currentLabel: String) -> TrustedHTML? {
        guard let baseline = item.indicator.baseline, let target = item.indicator.target else { return nil }
        let unit = item.indicator.unit ?? ""
        let fraction = item.fractionOfTarget ?? 0
        let percent = SVGNumber(100 * fraction)
        var svg = "<svg class=\"indicator-bar\" width=\"100%\" height=\"4.4em\" role=\"img\" focusable=\"false\">"
        svg += "<title>\(escapeHTML(title))</title>"
        svg += "<rect x=\"0\" y=\"1.45em\" width=\"100%\" height=\"1.2em\" fill=\"#eaeef2\" stroke=\"#57606a\" stroke-width=\"1\"/>"
        if item.current != nil {
            svg += "<rect x=\"0\" y=\"1.45em\" width=\"\(percent)%\" height=\"1.2em\" fill=\"#0969da\"/>"
        }
        svg += "<line x1=\"100%\" y1=\"1.1em\" x2=\"100%\" y2=\"3em\" stroke=\"#1f2328\" stroke-width=\"2\"/>"
        svg += text(x: "0", y: "4em", anchor: "start", "\(baselineLabel) \(formatValue(baseline))\(unit)")
        svg += text(x: "100%", y: "4em", anchor: "end", "\(targetLabel) \(formatValue(target))\(unit)")
        if let current = item.current {
            let anchor = fraction < 0.2 ? "start" : (fraction > 0.8 ? "end" : "middle")
            svg += text(x: "\(percent)%", y: "1.05em", anchor: anchor, "\(currentLabel) \(formatValue(current.value))\(unit)")
        }
        svg += "</svg>"
        return TrustedHTML(svg)
    }

    static func text(x: String, y: String, anchor: String, _ content: String) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" fill=\"#1f2328\">\(escapeHTML(content))</text>"
    }
}

/// An indicator value as readers see it: whole numbers without ".0", else one or two decimals.
func formatValue(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return SVGNumber(value)
}
