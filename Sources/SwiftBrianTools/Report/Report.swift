import Foundation

/// A self-contained HTML page about a run: a title, summary tables, notes and plots (inline
/// SVG), readable in any browser without other files.
///
///     try Report(title: "CUBA")
///         .add(RunSummary(network, wallTime: 1.8 * second))
///         .add(Plot.raster(spikes))
///         .add(Plot.rate(rates))
///         .write(to: URL(fileURLWithPath: "cuba.html"))
public final class Report {
    /// The title of the page.
    public let title: String
    private var sections: [Section] = []

    private enum Section {
        case summary(RunSummary, caption: String?)
        case plot(any Picture)
        case heading(String)
        case note(String)
        case link(text: String, target: String)
    }

    /// An empty report titled `title`.
    public init(title: String) {
        self.title = title
    }

    /// Adds `plot` (a ``Plot`` or a ``Figure`` of several panels).
    @discardableResult
    public func add(_ plot: any Picture) -> Report {
        sections.append(.plot(plot))
        return self
    }

    /// Adds a table of `summary`'s rows, under `caption` when given.
    @discardableResult
    public func add(_ summary: RunSummary, caption: String? = nil) -> Report {
        sections.append(.summary(summary, caption: caption))
        return self
    }

    /// Adds a section heading.
    @discardableResult
    public func add(heading: String) -> Report {
        sections.append(.heading(heading))
        return self
    }

    /// Adds a paragraph of text.
    @discardableResult
    public func add(note: String) -> Report {
        sections.append(.note(note))
        return self
    }

    /// Adds a paragraph that is a link with `text` to `target` (a relative path or a URL), such as
    /// the model description beside the report.
    @discardableResult
    public func add(link text: String, to target: String) -> Report {
        sections.append(.link(text: text, target: target))
        return self
    }

    /// The page, as HTML5 in XML syntax (so XML tools can read it too).
    public func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="SwiftBrian"/>
            <title>\(Markup.escaped(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(Markup.escaped(title))</h1>

            """
        var plotNumber = 0
        for section in sections {
            switch section {
            case .summary(let summary, let caption):
                page += "<table class=\"summary\">\n"
                if let caption { page += "<caption>\(Markup.escaped(caption))</caption>\n" }
                for row in summary.rows {
                    page += "<tr><th scope=\"row\">\(Markup.escaped(row.name))</th>"
                        + "<td>\(Markup.escaped(row.value))</td></tr>\n"
                }
                page += "</table>\n"
            case .plot(let plot):
                plotNumber += 1
                page += "<figure class=\"plot\">\n" + plot.svg(id: "plot\(plotNumber)") + "</figure>\n"
            case .heading(let heading):
                page += "<h2>\(Markup.escaped(heading))</h2>\n"
            case .note(let note):
                page += "<p>\(Markup.escaped(note))</p>\n"
            case .link(let text, let target):
                page += "<p><a href=\"\(Markup.escaped(target))\">\(Markup.escaped(text))</a></p>\n"
            }
        }
        page += "</body>\n</html>\n"
        return page
    }

    /// Writes the page to `url` (conventionally ending in `.html`), creating missing folders.
    public func write(to url: URL) throws {
        try OutputFile.write(Data(html().utf8), to: url)
    }

    /// Writes the page at `path` (`"out/report.html"`), creating missing folders.
    public func write(to path: String) throws {
        try write(to: OutputFile.url(path))
    }

    private static let style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; margin: 2em auto;
               max-width: 800px; padding: 0 1em; line-height: 1.4; }
        h1 { font-size: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.3em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; }
        table.summary { border-collapse: collapse; margin: 1em 0; }
        table.summary caption { text-align: left; font-weight: bold; padding-bottom: 0.4em; }
        table.summary th { text-align: left; font-weight: normal; color: #555; padding: 0.25em 2em 0.25em 0; }
        table.summary td { text-align: right; font-variant-numeric: tabular-nums; padding: 0.25em 0; }
        table.summary tr { border-bottom: 1px solid #eee; }
        figure.plot { margin: 1.5em 0; }
        figure.plot svg { max-width: 100%; height: auto; }
        """
}
