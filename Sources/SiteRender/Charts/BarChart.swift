import SiteModel

/// Horizontal bar charts as inline SVG, drawn by the generator, that stay readable on any
/// screen: each row's label stands above its bars, bar lengths are percentages of the chart's
/// width and every other length is in `em` of the chart's font size (0.8125rem in the theme:
/// 13 px, more in large-text mode), so the chart takes the page's width, from a 320 px phone
/// to a desktop, with its text never drawn smaller than the page sets it and nothing to
/// scroll. Three value ticks (0, half, the maximum); the value printed after every bar; the
/// legend in HTML under it; a title and description for screen readers. Bars of an incomplete
/// period (a year given up to June) are hatched, and the legend says why. The same numbers
/// are in an HTML table beside each chart.
struct BarChart {
    struct Series {
        var name: String
        var colour: String
        var values: [Double]
    }

    /// Unique on the page: the `<title>`, `<desc>` and pattern ids derive from it.
    var id: String
    var title: String
    var description: String
    /// One label per row.
    var labels: [String]
    var series: [Series]
    var valueAxisTitle: String
    /// Rows whose period is incomplete (drawn hatched), and what the legend says of them.
    var partial: [Bool] = []
    var partialNote: String = ""
    var format: (Double) -> String = { formatValue($0) }

    static let text = "#1f2328"
    static let grid = "#8c959f"
    /// The share of the width the longest bar may take: the rest holds its value.
    static let plotShare = 78.0

    // Vertical layout, in em: a row is its label, then one bar per series.
    static let labelHeight = 1.45, barHeight = 1.05, barGap = 0.25, rowGap = 0.55, axisHeight = 1.6

    var rowHeight: Double { Self.labelHeight + Double(series.count) * (Self.barHeight + Self.barGap) + Self.rowGap }

    func isPartial(_ row: Int) -> Bool { row < partial.count && partial[row] }

    /// The chart and its legend.
    func rows() -> TrustedHTML {
        let maximum = niceMaximum(series.flatMap(\.values).max() ?? 0)
        let plotHeight = rowHeight * Double(max(labels.count, 1))
        let height = plotHeight + Self.axisHeight
        var svg = "<svg class=\"chart\" id=\"\(id)\" width=\"100%\" height=\"\(SVGNumber(height))em\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" focusable=\"false\">"
            + "<title id=\"\(id)-title\">\(escapeHTML(title))</title><desc id=\"\(id)-desc\">\(escapeHTML(description))</desc>"
        if partial.contains(true) {
            svg += "<defs>"
            for (s, item) in series.enumerated() { svg += hatch("\(id)-partial-\(s)", item.colour) }
            svg += "</defs>"
        }
        // Ticks and gridlines: 0, half and the maximum.
        for tick in [0, maximum / 2, maximum] {
            let x = percent(tick, of: maximum)
            svg += "<line x1=\"\(x)%\" y1=\"0\" x2=\"\(x)%\" y2=\"\(SVGNumber(plotHeight))em\" stroke=\"\(tick == 0 ? Self.text : Self.grid)\" stroke-width=\"1\"\(tick == 0 ? "" : " stroke-dasharray=\"2 3\"")/>"
            svg += "<text x=\"\(x)%\" y=\"\(SVGNumber(plotHeight + 1.15))em\" text-anchor=\"\(tick == 0 ? "start" : "middle")\" fill=\"\(Self.text)\">\(escapeHTML(format(tick)))</text>"
        }
        for (row, name) in labels.enumerated() {
            let top = rowHeight * Double(row)
            svg += "<text x=\"0\" y=\"\(SVGNumber(top + 1.05))em\" fill=\"\(Self.text)\" font-weight=\"bold\">\(escapeHTML(name))</text>"
            for (s, item) in series.enumerated() {
                let value = row < item.values.count ? item.values[row] : 0
                let y = top + Self.labelHeight + Double(s) * (Self.barHeight + Self.barGap)
                let width = percent(value, of: maximum)
                let fill = isPartial(row) ? "url(#\(id)-partial-\(s))\" stroke=\"\(item.colour)" : item.colour
                svg += "<rect x=\"0\" y=\"\(SVGNumber(y))em\" width=\"\(width)%\" height=\"\(SVGNumber(Self.barHeight))em\" fill=\"\(fill)\"/>"
                svg += "<text x=\"\(width)%\" dx=\"0.35em\" y=\"\(SVGNumber(y + 0.85))em\" fill=\"\(Self.text)\">"
                    + "\(escapeHTML(format(value)))</text>"
            }
        }
        svg += "</svg>"
        return TrustedHTML(svg + legend())
    }

    /// The legend, as a list under the chart: a swatch and a name per series, and the hatching.
    func legend() -> String {
        var items = series.map { item in
            "<li>\(swatch(fill: item.colour, stroke: item.colour))\(escapeHTML(item.name))</li>"
        }
        if partial.contains(true), let first = series.first {
            items.append("<li><svg class=\"swatch-svg\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><defs>"
                         + hatch("\(id)-legend-partial", first.colour) + "</defs><rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" "
                         + "fill=\"url(#\(id)-legend-partial)\" stroke=\"\(first.colour)\"/></svg>\(escapeHTML(partialNote))</li>")
        }
        return "<ul class=\"legend\" aria-label=\"\(escapeHTML(valueAxisTitle))\">" + items.joined() + "</ul>"
    }

    func swatch(fill: String, stroke: String) -> String {
        "<svg class=\"swatch-svg\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" fill=\"\(fill)\" stroke=\"\(stroke)\"/></svg>"
    }

    /// Diagonal stripes of the series' colour on white, for bars of an incomplete period.
    func hatch(_ patternID: String, _ colour: String) -> String {
        "<pattern id=\"\(patternID)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"3\" height=\"6\" fill=\"\(colour)\"/></pattern>"
    }

    /// A value's position, in percent of the chart's width.
    func percent(_ value: Double, of maximum: Double) -> String {
        SVGNumber(maximum > 0 ? Self.plotShare * max(0, value) / maximum : 0)
    }

    /// The axis maximum: twice a step of 1, 2 or 5 times a power of ten (at least 2), so that
    /// half of it is a round tick too.
    func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 2 }
        let rough = value / 2
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= rough { return max(2, 2 * step * magnitude) }
        return max(2, 20 * magnitude)
    }
}
