@header
ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ KHOA HỌC VÀ CÔNG NGHỆ || Độc lập - Tự do - Hạnh phúc
Số: 238/BC-SKHCN || Hải Phòng, ngày 25 tháng 6 năm 2025
@end
^BÁO CÁO
^Kết quả thực hiện Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố (quý II năm 2025)
Thực hiện chế độ báo cáo hằng quý theo Kế hoạch số 124/KH-UBND ngày 18/4/2025 của Ủy ban nhân dân thành phố, Sở Khoa học và Công nghệ báo cáo kết quả thực hiện quý II năm 2025 như sau:
I. KẾT QUẢ THỰC HIỆN
1. Công tác chỉ đạo, điều hành
Đến ngày 20/6/2025, 18/18 sở, ngành và 12/15 quận, huyện đã ban hành kế hoạch thực hiện; 3 huyện chưa ban hành kế hoạch gồm An Lão, Tiên Lãng, Bạch Long Vĩ.
2. Kết quả các chỉ tiêu
a) Tỷ lệ hồ sơ công việc cấp thành phố xử lý trên môi trường mạng đạt 91%; cấp huyện đạt 76%; cấp xã đạt 58%.
b) Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình đạt 84%.
c) Trung tâm dữ liệu thành phố đã hoàn thành giai đoạn 1, kết nối với cơ sở dữ liệu quốc gia về dân cư.
II. TỒN TẠI, HẠN CHẾ
1. Một số địa phương chậm ban hành kế hoạch; chưa bố trí cán bộ chuyên trách chuyển đổi số ở cấp xã.
2. Kinh phí cho hạ tầng số ở các huyện ngoại thành còn hạn chế.
III. KIẾN NGHỊ, ĐỀ XUẤT
1. Đề nghị Ủy ban nhân dân thành phố chỉ đạo Ủy ban nhân dân các huyện An Lão, Tiên Lãng, Bạch Long Vĩ ban hành kế hoạch trong tháng 7/2025.
2. Đề nghị Sở Tài chính bổ sung kinh phí nâng cấp hạ tầng số cho các huyện ngoại thành trong năm 2025.
^Biểu: Kết quả các chỉ tiêu chuyển đổi số
@table
TT | Chỉ tiêu | Kế hoạch năm 2026 | Kết quả quý II/2025
1 | Hồ sơ công việc cấp thành phố xử lý trên môi trường mạng | 100% | 91%
2 | Hồ sơ công việc cấp huyện xử lý trên môi trường mạng | 90% | 76%
3 | Hồ sơ công việc cấp xã xử lý trên môi trường mạng | 80% | 58%
4 | Dịch vụ công trực tuyến toàn trình | 100% | 84%
@end
@header
Nơi nhận: || GIÁM ĐỐC
- UBND thành phố (b/c); ||
- Văn phòng UBND thành phố; || (Đã ký)
- Sở Tài chính, Sở Nội vụ (để biết); ||
- Lưu: VT, CĐS. || Bùi Thanh Tùng
@end
