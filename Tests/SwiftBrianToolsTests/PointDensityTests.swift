@testable import SwiftBrianTools
import XCTest

/// Crowded points counted per cell of 2 × 2 pixels and drawn as shaded cells.
final class PointDensityTests: XCTestCase {
    func testPointsAreCountedInTheirCellsAndOutsidersLeftOut() {
        // An area of 10 × 4 pixels from (100, 50): 5 columns and 2 rows of cells.
        let xs: [Double] = [100, 101.9, 102, 109.9, 110, 99, .nan, 105]
        let ys: [Double] = [50, 51, 50, 53.9, 50, 50, 50, .infinity]
        let density = PointDensity(xs: xs, ys: ys, left: 100, top: 50, width: 10, height: 4)
        XCTAssertEqual([density.columns, density.rows], [5, 2])
        XCTAssertEqual(density.counts, [2, 1, 0, 0, 0,
                                        0, 0, 0, 0, 1])
    }

    func testShadesGrowWithTheCountUpToThe99thPercentile() {
        // One cell with 1 point, 98 with 8, one outlier with 1000: the 99th percentile is 8.
        let xs = (0..<100).flatMap { (cell: Int) -> [Double] in
            [Double](repeating: Double(cell) * 2, count: cell == 0 ? 1 : cell == 99 ? 1000 : 8)
        }
        let density = PointDensity(xs: xs, ys: xs.map { _ in 0 }, left: 0, top: 0, width: 200, height: 2)
        let shades = density.shades()
        XCTAssertEqual(shades[0], 1, "a lone point gets the lightest shade")
        XCTAssertEqual(shades[1], PointDensity.levels)
        XCTAssertEqual(shades[99], PointDensity.levels, "the outlier does not wash out the rest")
        XCTAssertEqual(PointDensity(xs: [], ys: [], left: 0, top: 0, width: 4, height: 4).shades(), [0, 0, 0, 0])
    }

    func testCellsOfAShadeInARowMergeIntoOneRectangle() {
        // Row 0: 8, 8, 0, 1; row 1: empty but for the last cell, 8.
        let eight = [Double](repeating: 0, count: 8)
        let xs: [Double] = eight + eight.map { $0 + 2 } + [6] + eight.map { $0 + 6 }
        let ys: [Double] = [Double](repeating: 0, count: 17) + eight.map { $0 + 2 }
        let paths = PointDensity(xs: xs, ys: ys, left: 0, top: 0, width: 8, height: 4).paths()
        XCTAssertEqual(paths.count, PointDensity.levels)
        XCTAssertEqual(paths[0], "M3 0h1v1h-1z")
        XCTAssertEqual(paths[PointDensity.levels - 1], "M0 0h2v1h-2zM3 1h1v1h-1z")
        XCTAssertEqual(paths[1...(PointDensity.levels - 2)].filter { !$0.isEmpty }, [])
    }

    func testCrowdedMeansMorePointsThanCells() {
        XCTAssertFalse(PointDensity.isCrowded(points: 100, width: 20, height: 20))
        XCTAssertTrue(PointDensity.isCrowded(points: 101, width: 20, height: 20))
    }
}
