import { decode as decodePng } from 'fast-png'
import { encode as encodeJpeg } from 'jpeg-js'

/** RGBA pixels, 8 bits a channel. */
export interface Pixels {
  data: Uint8ClampedArray
  width: number
  height: number
}

/** The RGBA pixels of a grayscale PNG (what renderQr makes). */
export function pngPixels(png: Uint8Array): Pixels {
  const { data, width, height, channels } = decodePng(png)
  const out = new Uint8ClampedArray(width * height * 4)
  for (let pixel = 0; pixel < width * height; pixel++) {
    const value = data[pixel * channels] as number
    out.set([value, value, value, 255], pixel * 4)
  }
  return { data: out, width, height }
}

/** Samples `image` at (x, y) with bilinear interpolation; outside the image is white. */
function sample(image: Pixels, x: number, y: number, channel: number): number {
  const x0 = Math.floor(x)
  const y0 = Math.floor(y)
  const at = (px: number, py: number) =>
    px < 0 || py < 0 || px >= image.width || py >= image.height
      ? 255
      : (image.data[(py * image.width + px) * 4 + channel] as number)
  const fx = x - x0
  const fy = y - y0
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
  return top * (1 - fy) + bottom * fy
}

function resample(
  width: number,
  height: number,
  source: (x: number, y: number) => [number, number],
  image: Pixels,
): Pixels {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = source(x + 0.5, y + 0.5)
      for (let channel = 0; channel < 3; channel++)
        data[(y * width + x) * 4 + channel] = sample(image, sx - 0.5, sy - 0.5, channel)
      data[(y * width + x) * 4 + 3] = 255
    }
  }
  return { data, width, height }
}

/** Scales by `factor` (bilinear). */
export function scale(image: Pixels, factor: number): Pixels {
  const width = Math.round(image.width * factor)
  const height = Math.round(image.height * factor)
  return resample(width, height, (x, y) => [x / factor, y / factor], image)
}

/** Rotates by `degrees` about the centre (bilinear), on a canvas large enough for the corners, white around. */
export function rotate(image: Pixels, degrees: number): Pixels {
  const angle = (degrees * Math.PI) / 180
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const width = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin))
  const height = Math.ceil(Math.abs(image.width * sin) + Math.abs(image.height * cos))
  return resample(
    width,
    height,
    (x, y) => {
      const dx = x - width / 2
      const dy = y - height / 2
      return [image.width / 2 + dx * cos + dy * sin, image.height / 2 - dx * sin + dy * cos]
    },
    image,
  )
}

/** Adds a border of `pixels` in an RGB colour, offset to one side so the code is off-centre. */
export function pad(image: Pixels, pixels: number, color: [number, number, number]): Pixels {
  const width = image.width + 3 * pixels
  const height = image.height + 2 * pixels
  const data = new Uint8ClampedArray(width * height * 4)
  for (let index = 0; index < width * height; index++) data.set([...color, 255], index * 4)
  for (let y = 0; y < image.height; y++) {
    data.set(
      image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4),
      ((y + pixels) * width + 2 * pixels) * 4,
    )
  }
  return { data, width, height }
}

/** JPEG bytes of `image` at `quality` (1-100). */
export function jpeg(image: Pixels, quality: number): Uint8Array {
  return new Uint8Array(
    encodeJpeg({ data: image.data, width: image.width, height: image.height }, quality).data,
  )
}
