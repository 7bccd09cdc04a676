package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The PNG encoder: what any reader decodes is exactly what was drawn, the same pixels give the same bytes. */
class PngEncoderTest {
    static final InterlockTheme THEME = InterlockTheme.standard();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void imageIoDecodesEveryChartToThePixelsDrawn(ChartKinds.Kind kind) throws Exception {
        BufferedImage drawn = ChartWriter.image(kind.build().apply(THEME), THEME.width(), THEME.height());
        byte[] png = PngEncoder.encode(drawn);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(png)), drawn);
        assertThat(ChartWriter.png(kind.build().apply(THEME), THEME.width(), THEME.height()))
                .as("ChartWriter.png is this encoder on that image").isEqualTo(png);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void chartFilesAreAboutTheSizeImageIoWrites(ChartKinds.Kind kind) throws Exception {
        BufferedImage drawn = ChartWriter.image(kind.build().apply(THEME), THEME.width(), THEME.height());
        ByteArrayOutputStream imageIo = new ByteArrayOutputStream();
        ImageIO.write(drawn, "png", imageIo);
        int ours = PngEncoder.encode(drawn).length;
        assertThat(ours).as("vs ImageIO's %d bytes", imageIo.size()).isLessThan(imageIo.size() * 5 / 4);
        assertThat(ours).as("compressed at least 10:1 from %d raw bytes", 3 * drawn.getWidth() * drawn.getHeight())
                .isLessThan(3 * drawn.getWidth() * drawn.getHeight() / 10);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1, 1", "2, 3", "7, 5", "300, 200", "1024, 1"})
    void randomPixelsOfAnySizeRoundTrip(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rnd.nextInt());
            }
        }
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img))), img);
    }

    @Test
    void otherOpaqueImageTypesAreConvertedToRgb() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage img = new BufferedImage(40, 30, type);
            Random rnd = new Random(type);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    img.setRGB(x, y, rnd.nextInt());
                }
            }
            assertSamePixels(ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img))), img);
        }
    }

    @Test
    void refusesImagesWithAlphaRatherThanDropIt() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }

    @Test
    void samePixelsGiveTheSameBytes() {
        BufferedImage a = ChartWriter.image(ChartKinds.all().findFirst().orElseThrow().build().apply(THEME), 500, 300);
        BufferedImage b = ChartWriter.image(ChartKinds.all().findFirst().orElseThrow().build().apply(THEME), 500, 300);
        byte[] first = PngEncoder.encode(a);
        assertThat(PngEncoder.encode(b)).isEqualTo(first);
        // and the bytes follow the pixels: one pixel changed, other bytes
        a.setRGB(250, 150, a.getRGB(250, 150) ^ 0x010101);
        assertThat(PngEncoder.encode(a)).isNotEqualTo(first);
    }

    @Test
    void fileIsSignatureThenIhdrIdatIendWithValidCrcs() {
        BufferedImage img = ChartWriter.image(ChartKinds.all().findFirst().orElseThrow().build().apply(THEME), 640, 400);
        ByteBuffer b = ByteBuffer.wrap(PngEncoder.encode(img));
        byte[] signature = new byte[8];
        b.get(signature);
        assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        List<String> types = new ArrayList<>();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertThat(b.getInt()).as("CRC").isEqualTo((int) crc.getValue());
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            types.add(type);
            if (type.equals("IHDR")) {
                ByteBuffer h = ByteBuffer.wrap(typeAndData, 4, length);
                assertThat(h.getInt()).isEqualTo(640);
                assertThat(h.getInt()).isEqualTo(400);
                assertThat(Arrays.copyOfRange(typeAndData, 12, 17)).containsExactly(8, 2, 0, 0, 0);
            }
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
    }

    static void assertSamePixels(BufferedImage decoded, BufferedImage drawn) {
        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(drawn.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(drawn.getHeight());
        int w = drawn.getWidth();
        int h = drawn.getHeight();
        int[] want = drawn.getRGB(0, 0, w, h, null, 0, w);
        int[] got = decoded.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < want.length; i++) {
            if (got[i] != want[i]) {
                throw new AssertionError(String.format("pixel (%d, %d): decoded %08x, drawn %08x", i % w, i / w,
                        got[i], want[i]));
            }
        }
    }
}
