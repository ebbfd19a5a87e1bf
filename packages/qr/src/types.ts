/** QR error-correction level: recovers about 7 % (`L`), 15 % (`M`), 25 % (`Q`) or 30 % (`H`) of the code. */
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H'
