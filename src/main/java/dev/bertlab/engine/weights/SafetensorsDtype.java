package dev.bertlab.engine.weights;

import java.util.Optional;

/** The element types a safetensors header may name, with their size in bytes. */
public enum SafetensorsDtype {
    BOOL(1, false), U8(1, false), I8(1, false), F8_E5M2(1, false), F8_E4M3(1, false), I16(2, false),
    U16(2, false), F16(2, true), BF16(2, true), I32(4, false), U32(4, false), F32(4, true), F64(8, true),
    I64(8, false), U64(8, false), F8_E8M0(1, false), C64(8, false);

    private final int byteSize;
    private final boolean readableAsFloat;

    SafetensorsDtype(int byteSize, boolean readableAsFloat) {
        this.byteSize = byteSize;
        this.readableAsFloat = readableAsFloat;
    }

    public int byteSize() {
        return byteSize;
    }

    /** Whether {@link SafetensorsReader} can convert it to float32 (F32, F16, BF16, F64). */
    public boolean readableAsFloat() {
        return readableAsFloat;
    }

    /** The dtype a header names, e.g. {@code "F32"}; empty for a name this reader does not know. */
    public static Optional<SafetensorsDtype> of(String name) {
        for (SafetensorsDtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    /** IEEE half precision to float; exact, as every half is a float. Java 17 has no Float.float16ToFloat. */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f;
            return sign != 0 ? -subnormal : subnormal;
        }
        // re-bias the exponent from 15 to 127
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** bfloat16 is the upper half of a float32. */
    static float bfloat16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xffff) << 16);
    }
}
