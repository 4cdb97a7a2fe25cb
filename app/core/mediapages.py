"""What an audio or video exhibit shows on paper: a waveform, or a grid of key frames."""
from __future__ import annotations

import array
from pathlib import Path

from PIL import Image


def waveform(path: Path, buckets: int = 500, rate: int = 4000) -> list[tuple[float, float]]:
    """Min and max of the signal in `buckets` equal slices of the recording, scaled to -1..1."""
    import av

    samples = array.array("h")
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                samples.frombytes(bytes(out.planes[0])[: out.samples * 2])
        for out in resampler.resample(None):
            samples.frombytes(bytes(out.planes[0])[: out.samples * 2])
    if not samples:
        return []
    peak = max(1, max(abs(min(samples)), abs(max(samples))))
    step = max(1, len(samples) // buckets)
    result = []
    for start in range(0, len(samples), step):
        chunk = samples[start:start + step]
        result.append((min(chunk) / peak, max(chunk) / peak))
    return result[:buckets]


def key_frames(path: Path, count: int = 6, rotation: int = 0) -> list[tuple[float, Image.Image]]:
    """`count` frames spread over the video, as (seconds, upright image)."""
    import av

    frames = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        duration = (container.duration or 0) / 1_000_000
        if duration <= 0 and stream.duration and stream.time_base:
            duration = float(stream.duration * stream.time_base)
        for i in range(count):
            t = duration * (i + 0.5) / count if duration > 0 else 0
            try:
                if t > 0:
                    container.seek(int(t / stream.time_base), stream=stream, backward=True)
                frame = None
                for candidate in container.decode(stream):  # from the key frame before t up to t
                    frame = candidate
                    if candidate.time is None or candidate.time >= t - 0.05:
                        break
                if frame is None:
                    break
            except av.error.FFmpegError:
                break
            image = frame.to_image()
            if rotation:
                image = image.rotate(-rotation, expand=True)
            frames.append((float(frame.time if frame.time is not None else t), image))
    return frames
