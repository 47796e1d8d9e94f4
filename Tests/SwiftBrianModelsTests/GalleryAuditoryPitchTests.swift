import Foundation
import SwiftBrian
import SwiftBrianModels
import XCTest

/// The auditory coincidence-detection example (`auditory_pitch`): the pitch read out from 300 noisy
/// coincidence detectors fed by a WAV file through a user function with C code.
final class GalleryAuditoryPitchTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("auditory-pitch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes a WAV file of `frames` frames of 16-bit PCM (`channels` interleaved; the sample of
    /// frame f, channel c is `sample(f, c)`) with a chosen format tag and bit depth, and returns
    /// its path.
    private func wav(_ name: String, rate: Int = 44100, channels: Int = 1, frames: Int, format: Int = 1, bits: Int = 16,
                     sample: (Int, Int) -> Int16) throws -> String {
        func bytes(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> (8 * $0)) & 0xff) } }
        var data: [UInt8] = []
        for f in 0..<frames {
            for c in 0..<channels { data += bytes(Int(UInt16(bitPattern: sample(f, c))), 2) }
        }
        let header = Array("RIFF".utf8) + bytes(36 + data.count, 4) + Array("WAVE".utf8)
            + Array("fmt ".utf8) + bytes(16, 4) + bytes(format, 2) + bytes(channels, 2) + bytes(rate, 4)
            + bytes(rate * channels * bits / 8, 4) + bytes(channels * bits / 8, 2) + bytes(bits, 2)
            + Array("data".utf8) + bytes(data.count, 4)
        let url = folder.appendingPathComponent(name)
        try Data(header + data).write(to: url)
        return url.path
    }

    /// The shipped sound, four harmonic tones (196.00, 220.00, 246.94, 261.63 Hz), the whole
    /// 1.2 s. The receptor has no noise: it fires 249 times, as in Brian, so the samples it heard
    /// are Brian's. Each note's estimate (the centre of the highest band of detectors firing at
    /// least half as much as the most active) lies within a semitone of the true pitch, the higher
    /// notes a little below it. Brian 2.9 (Tests/Fixtures/gallery/auditory_pitch.py, the samples as
    /// a TimedArray), seeds 1–3: errors 0.035–0.144, 0.044–0.085, 0.511–0.605 and 0.710–0.828
    /// semitones, all but one below the true pitch; the detector with the most spikes at a
    /// subharmonic f0/n (n = 2 to 5) in 3 of the 12 notes (SwiftBrian, seeds 1–3: 0.041–0.092,
    /// 0.014–0.080, 0.550–0.586, 0.644–0.870 semitones; the most active at a subharmonic in 5).
    func testPitchOfTheShippedNotes() throws {
        let result = try AuditoryPitch().run(seed: 1)
        XCTAssertEqual(result.statistic("receptor_spikes"), 249)
        for (k, bounds) in [(1, 0.0...0.3), (2, 0...0.3), (3, 0.3...1), (4, 0.3...1)] {
            let error = try XCTUnwrap(result.statistic("pitch_error_\(k)"), "note \(k)")
            XCTAssert(bounds.contains(error), "note \(k): \(result.statistic("pitch_\(k)") ?? .nan) Hz, \(error) semitones")
        }
        XCTAssertLessThan(try XCTUnwrap(result.statistic("max_pitch_error")), 1)
        XCTAssertEqual(result.figures.first?.value.panels.count, 2)
    }

    /// A WAV file given as a parameter (stereo: the first channel is read; the second is silent):
    /// a 233 Hz harmonic tone is read out near 233 Hz, and past the end of the sound the samples
    /// are 0.
    func testPitchOfAFileGivenAsAParameter() throws {
        let rate = 44100.0
        let path = try wav("tone.wav", channels: 2, frames: 13230) { f, c in
            let t = Double(f) / rate
            let value = (1...4).reduce(0.0) { $0 + sin(2 * .pi * 233 * Double($1) * t) / Double($1) }
            return c == 0 ? Int16((value * 15000).rounded()) : 0
        }
        var example = try AuditoryPitch.configured(["sound_file=\(path)", "num_neurons=150"])
        example.true_pitches = [233]
        let result = try example.run(seed: 2, duration: 0.4 * second)
        XCTAssertLessThan(try XCTUnwrap(result.statistic("pitch_error_1")), 1, "\(result.statistic("pitch_1") ?? .nan) Hz")
        XCTAssertNil(result.statistic("pitch_2"), "one whole window of 0.3 s in 0.4 s")
    }

    /// The C code (native backend) and the Swift code (interpreter) read the same samples and give
    /// the same run, bit for bit: the recorded sound and every detector spike.
    func testBothBackendsReadTheSameSound() throws {
        var example = AuditoryPitch()
        example.num_neurons = 40
        let native = try example.run(seed: 3, backend: .native, duration: 40 * ms)
        let interpreted = try example.run(seed: 3, backend: .interpreter, duration: 40 * ms)
        let sound = try XCTUnwrap(native.network.objects.compactMap { $0 as? StateMonitor }.first)
        let otherSound = try XCTUnwrap(interpreted.network.objects.compactMap { $0 as? StateMonitor }.first)
        let samples = try sound.values("sound", index: 0).values
        XCTAssertEqual(samples.count, 1764)
        XCTAssertGreaterThan(samples.max() ?? 0, 0.1)
        XCTAssertEqual(samples, try otherSound.values("sound", index: 0).values)
        let (spikes, otherSpikes) = (try XCTUnwrap(native.spikes.first?.value), try XCTUnwrap(interpreted.spikes.first?.value))
        XCTAssertGreaterThan(spikes.numEvents, 0)
        XCTAssertEqual(spikes.i, otherSpikes.i)
        XCTAssertEqual(spikes.t.values, otherSpikes.t.values)
    }

    /// A missing file, a file that is not a WAV file, compressed or 8-bit samples and a file
    /// without samples are refused before anything runs, naming the file and what is wrong.
    func testInvalidSoundFilesAreRefusedWithTheirReason() throws {
        let text = folder.appendingPathComponent("notes.txt")
        try Data("not a sound".utf8).write(to: text)
        let cases: [(String, String)] = [
            (folder.appendingPathComponent("missing.wav").path, "there is no such file"),
            (text.path, "it does not begin with a RIFF/WAVE header"),
            (try wav("float.wav", frames: 10, format: 3) { _, _ in 0 }, "compressed or floating point (format 3, not 1)"),
            (try wav("8bit.wav", frames: 10, bits: 8) { _, _ in 0 }, "it has 8 bits per sample"),
            (try wav("empty.wav", frames: 0) { _, _ in 0 }, "it holds no samples"),
        ]
        for (path, reason) in cases {
            let example = try AuditoryPitch.configured(["sound_file=\(path)"])
            XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
                XCTAssert("\(error)".contains(path), "\(error)")
                XCTAssert("\(error)".contains(reason), "\(error)")
            }
        }
        var example = AuditoryPitch()
        example.max_freq = 20 * Hz
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("min_freq below max_freq"), "\(error)")
        }
    }
}
