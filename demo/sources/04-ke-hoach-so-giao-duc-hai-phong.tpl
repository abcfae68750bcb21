@header
ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ GIÁO DỤC VÀ ĐÀO TẠO || Độc lập - Tự do - Hạnh phúc
Số: 1452/KH-SGDĐT || Hải Phòng, ngày 12 tháng 5 năm 2025
@end
^KẾ HOẠCH
^Thực hiện chuyển đổi số trong ngành giáo dục thành phố Hải Phòng theo Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố
Thực hiện Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố triển khai thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị về đẩy mạnh chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo trong các cơ quan của hệ thống chính trị; căn cứ hướng dẫn của Bộ Giáo dục và Đào tạo về nhiệm vụ chuyển đổi số năm học 2024 - 2025, Sở Giáo dục và Đào tạo ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai đầy đủ các nhiệm vụ được giao cho ngành giáo dục tại Kế hoạch số 124/KH-UBND.
2. Nâng cao năng lực số của cán bộ quản lý, giáo viên, học sinh; bảo đảm an toàn thông tin trong nhà trường.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện dữ liệu ngành
1.1. Hoàn thành cơ sở dữ liệu ngành giáo dục về trường, lớp, học sinh, giáo viên; kết nối với cơ sở dữ liệu quốc gia về dân cư trong quý IV/2025.
1.2. Cấp học bạ số cho 100% học sinh tiểu học và trung học cơ sở đến năm 2026.
2. Dạy học và quản lý trên môi trường số
a) Triển khai sổ điểm điện tử, sổ liên lạc điện tử ở 100% trường phổ thông trong năm học 2025 - 2026.
b) Xây dựng kho học liệu số dùng chung của thành phố; mỗi giáo viên đóng góp tối thiểu 02 bài giảng điện tử hằng năm.
c) Tổ chức bồi dưỡng kỹ năng số cho giáo viên hằng năm.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở: Chủ trì, phối hợp với Phòng Kế hoạch - Tài chính tham mưu kinh phí thực hiện; theo dõi, tổng hợp, định kỳ hằng quý báo cáo Giám đốc Sở.
2. Phòng Giáo dục phổ thông: Chủ trì, phối hợp với Phòng Giáo dục thường xuyên hướng dẫn các trường triển khai sổ điểm điện tử, học bạ số; hoàn thành trong quý III/2025.
3. Phòng Giáo dục và Đào tạo các quận, huyện: Chỉ đạo các trường mầm non, tiểu học, trung học cơ sở triển khai Kế hoạch; định kỳ 6 tháng báo cáo kết quả về Sở Giáo dục và Đào tạo.
4. Các trường trung học phổ thông, trung tâm giáo dục thường xuyên: Xây dựng kế hoạch của đơn vị, triển khai thực hiện.
Sở Giáo dục và Đào tạo báo cáo Ủy ban nhân dân thành phố và Sở Khoa học và Công nghệ kết quả thực hiện trước ngày 15/12 hằng năm.
@header
Nơi nhận: || KT. GIÁM ĐỐC
- UBND thành phố (b/c); || PHÓ GIÁM ĐỐC
- Sở Khoa học và Công nghệ (để phối hợp); ||
- Phòng GDĐT các quận, huyện (t/h); || (Đã ký)
- Các trường THPT, TTGDTX (t/h); ||
- Lưu: VT, VP. || Đỗ Minh Khang
@end
^BIỂU KÈM THEO
^Phân công nhiệm vụ chuyển đổi số ngành giáo dục năm 2025
@table
TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Cơ sở dữ liệu ngành giáo dục | Văn phòng Sở | Công an thành phố | Quý IV/2025
2 | Học bạ số | Phòng Giáo dục phổ thông | Phòng Giáo dục và Đào tạo các quận, huyện | Năm 2026
3 | Kho học liệu số | Phòng Giáo dục phổ thông | Các trường trung học phổ thông | Hằng năm
4 | Bồi dưỡng kỹ năng số cho giáo viên | Phòng Tổ chức cán bộ | Phòng Giáo dục thường xuyên | Hằng năm
@end
